package org.herdbook.web.report.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.reports.figures.control.FiguresJson;
import org.herdbook.reports.figures.control.InstanceFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.publication.control.MonthlyReportWorkflow;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.render.ReportCsv;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.report.control.InstanceFiguresFetch;

/**
 * The monthly report over HTTP: the published reports, their open data (JSON, CSV) and PDF, and
 * the check of a downloaded PDF, for anyone; drafts, narratives and instance figures for the
 * treasurer and the board; publication for the board only.
 */
@Path("reports")
@RequestScoped
@Tag(name = "Reports")
public class MonthlyReportResource {

    static final long PDF_MAX_BYTES = 20L * 1024 * 1024;

    @Inject
    MonthlyReportWorkflow workflow;
    @Inject
    MonthlyReports reports;
    @Inject
    InstanceFigures instanceFigures;
    @Inject
    ReportLinks links;
    @Inject
    InstanceFiguresFetch fetch;
    @Context
    SecurityContext security;

    public record Narrative(String en, String fr) {
    }

    public record InstanceInput(Long users, Long activeUsers, Long newUsers, Long reportsOpened, Long reportsResolved,
            Long appealsReceived, Long appealsApproved) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "listPublishedReports", summary = "Every published month, newest first: its latest"
            + " version and where to read it")
    public JsonObject listPublishedReports() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        reports.index().forEach(report -> list.add(summary(report)));
        return Json.createObjectBuilder().add("reports", list).build();
    }

    @GET
    @Path("{month}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(operationId = "getMonthlyReport", summary = "A published report as open data: every figure (amounts"
            + " as exact decimal strings), the narratives, the PDF's SHA-256 and its signature; ?version=N for an"
            + " earlier version")
    public JsonObject getMonthlyReport(@PathParam("month") String month, @QueryParam("version") Integer version) {
        MonthlyReport report = links.published(links.month(month), version);
        return Json.createObjectBuilder(summary(report))
                .add("narrative", Json.createObjectBuilder().add("en", report.narrativeEn()).add("fr", report.narrativeFr()))
                .add("figures", FiguresJson.toJson(FiguresJson.fromJson(report.figures())))
                .add("pdfSha256", report.pdfSha256())
                .add("signature", report.signature())
                .add("keys", links.base() + "/api/keys")
                .build();
    }

    @GET
    @Path("{month}/figures.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(operationId = "getMonthlyReportCsv", summary = "A published report's figures as CSV open data")
    public Response getMonthlyReportCsv(@PathParam("month") String month, @QueryParam("version") Integer version) {
        MonthlyReport report = links.published(links.month(month), version);
        return Response.ok(ReportCsv.of(FiguresJson.fromJson(report.figures())), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"report-" + report.month() + "-v"
                        + report.version() + ".csv\"").build();
    }

    @GET
    @Path("{month}/report.pdf")
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(operationId = "getMonthlyReportPdf", summary = "A published report's PDF (English and French), exactly"
            + " the bytes whose SHA-256 the foundation signed")
    public Response getMonthlyReportPdf(@PathParam("month") String month, @QueryParam("version") Integer version) {
        MonthlyReport report = links.published(links.month(month), version);
        byte[] pdf = reports.pdf(report.id()).orElseThrow();
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + links.pdfName(report) + "\"")
                .header("Cache-Control", "public, max-age=86400, immutable").build();
    }

    @POST
    @Path("verification")
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "verifyMonthlyReportPdf", summary = "Check a downloaded PDF: its SHA-256 and the published"
            + " reports whose signed hash it is")
    public JsonObject verifyMonthlyReportPdf(byte[] pdf) {
        if (pdf == null || pdf.length == 0 || pdf.length > PDF_MAX_BYTES) {
            throw new InvalidInput(List.of("reports.verify.file"));
        }
        MonthlyReportWorkflow.Verification verification = workflow.verify(pdf);
        JsonArrayBuilder matches = Json.createArrayBuilder();
        verification.matches().forEach(report -> matches.add(summary(report)));
        return Json.createObjectBuilder().add("sha256", verification.sha256())
                .add("verified", verification.verified()).add("matches", matches).build();
    }

    @GET
    @Path("{month}/draft")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "getMonthlyReportDraft", summary = "The month's draft with its figures as the books show"
            + " them now (monthClosed false while the month is open)")
    public JsonObject getMonthlyReportDraft(@PathParam("month") String month) {
        YearMonth parsed = links.month(month);
        return draft(workflow.draft(parsed).orElseThrow(() -> links.noDraft()));
    }

    @POST
    @Path("{month}/draft")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "generateMonthlyReportDraft", summary = "Open the month's draft (the scheduled job opens"
            + " the previous month's by itself); answers the existing one if there is")
    public JsonObject generateMonthlyReportDraft(@PathParam("month") String month) {
        return draft(links.refusals(() -> workflow.generate(links.month(month), caller())));
    }

    @PUT
    @Path("{month}/draft/narrative")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "updateMonthlyReportNarrative", summary = "Write the draft's narrative in English and"
            + " French (plain text, at most 20,000 characters each); figures are never typed")
    public JsonObject updateMonthlyReportNarrative(@PathParam("month") String month, Narrative narrative) {
        YearMonth parsed = links.month(month);
        List<String> problems = narrative == null ? List.of("reports.narrative.missing")
                : ReportInput.narrativeProblems(narrative.en(), narrative.fr());
        InvalidInput.refuseUnlessEmpty(problems);
        return draft(links.refusals(() -> workflow.updateNarrative(parsed, narrative.en(), narrative.fr(), caller())));
    }

    @POST
    @Path("{month}/publication")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("board")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "publishMonthlyReport", summary = "The board approves and publishes the month's draft:"
            + " figures frozen, PDF rendered, its SHA-256 signed; a month already published gets a correcting version")
    public Response publishMonthlyReport(@PathParam("month") String month) {
        YearMonth parsed = links.month(month);
        MonthlyReport published = links.refusals(() -> workflow.publish(parsed, caller()));
        return Response.status(Response.Status.CREATED).entity(summary(published)).type(MediaType.APPLICATION_JSON).build();
    }

    @PUT
    @Path("{month}/instance-figures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "recordInstanceFigures", summary = "Type the instance's figures for a month (appeals are"
            + " always typed: Mastodon has no API for them)")
    public JsonObject recordInstanceFigures(@PathParam("month") String month, InstanceInput input) {
        YearMonth parsed = links.month(month);
        List<String> problems = input == null ? List.of("reports.instance.missing")
                : ReportInput.instanceProblems(input.users(), input.activeUsers(), input.newUsers(),
                        input.reportsOpened(), input.reportsResolved(), input.appealsReceived(), input.appealsApproved());
        InvalidInput.refuseUnlessEmpty(problems);
        MonthlyFigures.Instance figures = ReportInput.typed(input.users(), input.activeUsers(), input.newUsers(),
                input.reportsOpened(), input.reportsResolved(), input.appealsReceived(), input.appealsApproved());
        instanceFigures.store(parsed, figures, caller());
        return Json.createObjectBuilder().add("month", parsed.toString())
                .add("instance", FiguresJson.toJson(figures))
                .build();
    }

    @POST
    @Path("{month}/instance-figures/mastodon")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "fetchInstanceFigures", summary = "Take the month's instance figures from Mastodon's admin"
            + " API (HERDBOOK_MASTODON_URL and HERDBOOK_MASTODON_ADMIN_TOKEN) and store them; appeals already typed are kept")
    public JsonObject fetchInstanceFigures(@PathParam("month") String month) {
        YearMonth parsed = links.month(month);
        if (!fetch.isConfigured()) {
            throw new Refusal("report-mastodon-off", Response.Status.SERVICE_UNAVAILABLE);
        }
        MonthlyFigures.Instance figures = fetch.fetch(parsed, caller())
                .orElseThrow(() -> new Refusal("report-mastodon-failed", Response.Status.BAD_GATEWAY));
        return Json.createObjectBuilder().add("month", parsed.toString()).add("instance", FiguresJson.toJson(figures))
                .build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private JsonObject summary(MonthlyReport report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("month", report.month().toString())
                .add("version", report.version())
                .add("publishedAt", report.publishedAt().toString())
                .add("replacesVersion", report.replacesVersion() == null ? JsonValue.NULL
                        : Json.createValue(report.replacesVersion()))
                .add("links", Json.createObjectBuilder()
                        .add("page", links.page(report))
                        .add("json", links.api(report, ""))
                        .add("csv", links.api(report, "/figures.csv"))
                        .add("pdf", links.api(report, "/report.pdf")));
        return json.build();
    }

    private JsonObject draft(MonthlyReportWorkflow.Draft draft) {
        return Json.createObjectBuilder().add("month", draft.report().month().toString())
                .add("state", "draft")
                .add("monthClosed", draft.figures().closed())
                .add("publishedVersions", reports.versions(draft.report().month()).size())
                .add("narrative", Json.createObjectBuilder().add("en", draft.report().narrativeEn())
                        .add("fr", draft.report().narrativeFr()))
                .add("figures", FiguresJson.toJson(draft.figures()))
                .build();
    }
}
