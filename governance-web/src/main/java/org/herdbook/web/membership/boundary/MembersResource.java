package org.herdbook.web.membership.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.control.AccountForm;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.membership.control.DirectoryCsv;
import org.herdbook.web.membership.control.MemberForms;
import org.herdbook.web.membership.control.MemberRegistration;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.web.membership.entity.MemberClass;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;

/**
 * Members: anyone may apply; the board, the secretary and the treasurer see the directory; the
 * board decides standings and project memberships; the treasurer records dues paid by hand.
 */
@Path("members")
@RequestScoped
@Tag(name = "Members")
public class MembersResource {

    @Inject
    MemberRegistration registration;
    @Inject
    Memberships memberships;
    @Inject
    Accounts accounts;
    @Inject
    DirectoryCsv csv;
    @Inject
    RequestLanguage language;
    @Context
    SecurityContext security;

    public record Application(String email, String displayName, String password, String language) {
    }

    public record Applied(UUID id, String standing, boolean verificationSent) {
    }

    public record StandingDecision(String standing, LocalDate effectiveOn, String reason) {
    }

    public record ProjectGrantRequest(String project, String description, String evidenceUrl, LocalDate startsOn,
            LocalDate reviewOn) {
    }

    public record DuesPaymentRequest(BigDecimal amount, String currency, LocalDate paidOn, Integer months,
            String reference) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "registerMember", summary = "Apply for membership: opens an account that can sign in"
            + " once the link e-mailed to the address is followed")
    public Response registerMember(@NotNull(message = "{validation.body.required}") Application body) {
        Account account = registration.register(new AccountForm(body.email(), body.displayName(), body.password(),
                body.language()), language.current());
        return Response.status(Response.Status.CREATED)
                .entity(new Applied(account.getId(), Standing.APPLICANT.code(), true)).build();
    }

    @GET
    @RolesAllowed({"board", "secretary", "treasurer"})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "listMembers", summary = "The member directory, filtered by class and standing today,"
            + " with counts by class and standing")
    public MemberViews.Directory listMembers(@QueryParam("class") String memberClass,
            @QueryParam("standing") String standing) {
        List<MemberViews.DirectoryRow> rows = memberships.directory(classFilter(memberClass), standingFilter(standing))
                .stream().map(MemberViews.DirectoryRow::of).toList();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<MemberClass, Map<Standing, Long>> byClass : memberships.counts().entrySet()) {
            Map<String, Long> byStanding = new LinkedHashMap<>();
            for (Map.Entry<Standing, Long> count : byClass.getValue().entrySet()) {
                byStanding.put(count.getKey().code(), count.getValue());
                total += count.getValue();
            }
            counts.put(byClass.getKey().code(), byStanding);
        }
        return new MemberViews.Directory(counts, (int) total, rows);
    }

    @GET
    @Path("export.csv")
    @RolesAllowed({"board", "secretary", "treasurer"})
    @Produces("text/csv")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "exportMembersCsv", summary = "The member directory as CSV (same filters)")
    public Response exportMembersCsv(@QueryParam("class") String memberClass, @QueryParam("standing") String standing) {
        String body = csv.write(memberships.directory(classFilter(memberClass), standingFilter(standing)),
                language.current());
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"board", "secretary", "treasurer"})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "getMember", summary = "A member's file: class, standing history, dues, contributions")
    public MemberViews.MemberFile getMember(@PathParam("id") String id) {
        return MemberViews.MemberFile.of(memberships, member(id));
    }

    @GET
    @Path("{id}/eligibility")
    @RolesAllowed({"board", "secretary"})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "getVotingEligibility", summary = "Whether the member may vote on a record date")
    public MemberViews.Eligibility getVotingEligibility(@PathParam("id") String id,
            @QueryParam("recordDate") String recordDate) {
        LocalDate day = recordDate == null ? memberships.foundation().today() : MemberForms.day(recordDate);
        Account account = member(id);
        return MemberViews.Eligibility.of(day, memberships.eligibility(account.getId(), day));
    }

    @POST
    @Path("{id}/standing")
    @RolesAllowed("board")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "changeStanding", summary = "A board decision: reinstate (active), resigned or removed")
    public MemberViews.MemberFile changeStanding(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") StandingDecision body) {
        Account account = member(id);
        MemberForms.Decision decision = MemberForms.decision(body.standing(), body.effectiveOn(), body.reason(),
                memberships.foundation().today());
        memberships.changeStanding(account.getId(), decision.standing(), decision.effectiveOn(),
                StandingCause.BOARD_DECISION, decision.reason(), actor());
        return MemberViews.MemberFile.of(memberships, account);
    }

    @POST
    @Path("{id}/project-membership")
    @RolesAllowed("board")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "grantProjectMembership", summary = "Make someone a project member for a contribution")
    public MemberViews.MemberFile grantProjectMembership(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") ProjectGrantRequest body) {
        Account account = member(id);
        memberships.grantProjectMembership(account.getId(), MemberForms.projectGrant(body.project(),
                body.description(), body.evidenceUrl(), body.startsOn(), body.reviewOn()), actor());
        return MemberViews.MemberFile.of(memberships, account);
    }

    @POST
    @Path("{id}/dues-payments")
    @RolesAllowed("treasurer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "recordDuesPayment", summary = "Record dues paid outside PayPal; moves standing as a"
            + " PayPal payment will")
    public Response recordDuesPayment(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") DuesPaymentRequest body) {
        Account account = member(id);
        MemberForms.Payment payment = MemberForms.payment(body.amount(), body.currency(), body.paidOn(), body.months(),
                body.reference(), memberships.foundation().today());
        memberships.recordDuesPayment(account.getId(), payment.amount(), payment.paidOn(), payment.months(),
                DuesPayment.Source.HAND, payment.reference(), actor());
        return Response.status(Response.Status.CREATED)
                .entity(MemberViews.MemberFile.of(memberships, account)).build();
    }

    private Account member(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Refusal("not-a-member", Response.Status.NOT_FOUND);
        }
        return accounts.byId(uuid).filter(account -> !account.isClosed())
                .filter(account -> memberships.of(account.getId()).isPresent())
                .orElseThrow(() -> new Refusal("not-a-member", Response.Status.NOT_FOUND));
    }

    private UUID actor() {
        return UUID.fromString(security.getUserPrincipal().getName());
    }

    private static Optional<MemberClass> classFilter(String code) {
        return filter(code, MemberClass::ofCode);
    }

    private static Optional<Standing> standingFilter(String code) {
        return filter(code, Standing::ofCode);
    }

    /** No filter for an absent value; a value that names nothing is a 400, not an empty list. */
    private static <T> Optional<T> filter(String code, java.util.function.Function<String, Optional<T>> parse) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(code)
                .orElseThrow(() -> new Refusal("unknown-filter", Response.Status.BAD_REQUEST, code)));
    }
}
