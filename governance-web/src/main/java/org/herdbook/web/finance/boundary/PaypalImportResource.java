package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.paypal.control.PaypalImport;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.paypal.search.PaypalTransactionSearch;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Problems;
import org.herdbook.web.finance.control.FinanceTexts;
import org.herdbook.web.finance.control.PaypalConfiguration;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/** PayPal transactions into the books: activity downloads and the Transaction Search API. */
@Path("finance/paypal")
@RequestScoped
@RolesAllowed("treasurer")
@Tag(name = "Finance")
public class PaypalImportResource {

    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    @Inject
    PaypalImport imports;
    @Inject
    FinancePolicy policy;
    @Inject
    PaypalConfiguration paypal;
    @Inject
    FinanceTexts texts;
    @Inject
    Messages messages;
    @Inject
    Problems problems;
    @Inject
    RequestLanguage language;
    @Context
    SecurityContext security;

    /** What an import did. */
    public record ImportSummary(UUID id, int rows, int newTransactions, int duplicates, int booked, int skipped) {
        static ImportSummary of(ImportReport report) {
            return new ImportSummary(report.id(), report.rows(), report.newLines(), report.duplicates(), report.booked(),
                    report.skipped());
        }
    }

    /** One reason a file was rejected; line 0 is the file as a whole. */
    public record RejectedLine(int line, String code, String reason) {
    }

    /** RFC 9457 problem with the list of rejected lines as an extension member. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "importId", "problemCount", "rejected"})
    public record ImportRejected(String type, String title, int status, String detail, UUID importId, int problemCount,
            List<RejectedLine> rejected) {
    }

    @POST
    @Path("activity")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "importPaypalActivity", summary = "Import a PayPal activity download (CSV, English or"
            + " French): each new transaction is booked once; a file with any problem is rejected whole")
    @APIResponse(responseCode = "201", description = "Imported: counts of new, duplicate, booked and skipped transactions")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit; nothing imported")
    @APIResponse(responseCode = "422", description = "Rejected: every problem found, line by line; nothing imported")
    public Response importPaypalActivity(InputStream body, @QueryParam("book") @DefaultValue("true") boolean book,
            @HeaderParam("X-File-Name") String fileName) {
        byte[] content = readAtMost(body, policy.importMaxBytes() + 1);
        ImportReport report = imports.importActivity(content, fileName == null ? "upload.csv" : fileName, caller(), book,
                ImportProgress.NONE);
        if (report.imported()) {
            return Response.status(Response.Status.CREATED).entity(ImportSummary.of(report)).build();
        }
        boolean tooLarge = report.problems().stream().anyMatch(problem -> problem.code().equals("too-large"));
        // 422 Unprocessable Content: the file arrived but cannot be booked (Response.Status has no constant for it).
        int status = tooLarge ? Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode() : 422;
        String kind = tooLarge ? "finance-import-too-large" : "finance-import-rejected";
        List<RejectedLine> rejected = report.problems().stream().map(this::rejected).toList();
        ImportRejected problem = new ImportRejected("urn:herdbook:problem:" + kind,
                messages.get(language.current(), "problem." + kind + ".title"), status,
                messages.get(language.current(), "problem." + kind + ".detail", report.problemCount()), report.id(),
                report.problemCount(), rejected);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @POST
    @Path("transaction-search")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "syncPaypalTransactions", summary = "Fetch and book the transactions PayPal's Transaction"
            + " Search API reports between two days (windows of 31 days, every page)")
    public Response syncPaypalTransactions(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(String.valueOf(from));
            last = LocalDate.parse(String.valueOf(to));
        } catch (DateTimeParseException e) {
            return problems.problem("finance-dates", Response.Status.BAD_REQUEST).toResponse();
        }
        if (last.isBefore(first) || first.plusYears(3).isBefore(last)) {
            return problems.problem("finance-dates", Response.Status.BAD_REQUEST).toResponse();
        }
        var access = paypal.access();
        if (access.isEmpty()) {
            return problems.problem("finance-paypal-not-configured", Response.Status.CONFLICT).toResponse();
        }
        Instant start = first.atStartOfDay(policy.timeZone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(policy.timeZone()).toInstant();
        List<PaypalLine> lines = new PaypalTransactionSearch(access.get()).fetch(start, end);
        ImportReport report = imports.importLines("transaction-search", null, PaypalImport.sha256(from + "/" + to),
                lines.size(), 0, lines, caller(), true, ImportProgress.NONE);
        return Response.ok(ImportSummary.of(report)).build();
    }

    private RejectedLine rejected(ImportProblem problem) {
        return new RejectedLine(problem.line(), problem.code(),
                texts.get(language.current(), problem.messageKey(), problem.arguments().toArray()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    /** The body, read no further than {@code limit} bytes: a larger file is known to be too large. */
    static byte[] readAtMost(InputStream body, long limit) {
        try (InputStream in = body) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
            // Read what the client still sends (up to a bound) so that it gets the answer, not a reset.
            long drained = 0;
            byte[] sink = new byte[64 * 1024];
            for (int n = in.read(sink); n > 0 && drained < DRAIN_LIMIT; n = in.read(sink)) {
                drained += n;
            }
            return content;
        } catch (IOException e) {
            throw Refusal.invalid("finance.import.unreadable");
        }
    }
}
