package org.herdbook.web.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.audit.entity.AuditEvent;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.control.StandingHistory;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.web.membership.entity.DuesSubscriptionChange;
import org.herdbook.web.membership.entity.DuesWithdrawal;
import org.herdbook.web.membership.entity.ProjectContribution;
import org.herdbook.web.security.control.AccessTokens;
import org.herdbook.web.security.entity.AccessToken;

/**
 * Everything Herdbook holds about one person, as one JSON document they can download: the
 * account, membership, standing history, contributions, dues (with withdrawn payments and PayPal
 * subscription changes), API tokens (never their secret),
 * sign-in attempts with their address, and the audit lines about them.
 */
@ApplicationScoped
public class PersonalData {

    /** Bumped when the document's shape changes, so that tools reading it can tell. */
    public static final String FORMAT = "herdbook-personal-data/1";

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Memberships memberships;
    @Inject
    AccessTokens tokens;
    @Inject
    AuditLog audit;
    @Inject
    jakarta.enterprise.inject.Instance<PersonalDataSection> sections;

    public JsonObject export(Account account) {
        JsonObjectBuilder document = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .add("account", accountPart(account));
        memberships.of(account.getId()).ifPresent(membership -> document.add("membership", membershipPart(account)));
        JsonArrayBuilder tokenList = Json.createArrayBuilder();
        for (AccessToken token : tokens.of(account.getId())) {
            tokenList.add(Json.createObjectBuilder().add("issuedAt", token.getIssuedAt().toString())
                    .add("expiresAt", token.getExpiresAt().toString()));
        }
        document.add("apiTokens", tokenList);
        document.add("signInAttempts", signInAttempts(account));
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (AuditEvent event : audit.about(account.getId())) {
            events.add(Json.createObjectBuilder().add("at", event.getOccurredAt().toString())
                    .add("action", event.getAction())
                    .add("byThisAccount", account.getId().equals(event.getActorId()))
                    .add("aboutThisAccount", account.getId().equals(event.getSubjectId()))
                    .add("detail", event.getDetail()));
        }
        document.add("auditLog", events);
        for (PersonalDataSection section : sections) {
            section.describe(account.getId()).ifPresent(part -> document.add(section.name(), part));
        }
        return document.build();
    }

    private static JsonObjectBuilder accountPart(Account account) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        account.getRoles().stream().map(Role::roleName).sorted().forEach(roles::add);
        JsonObjectBuilder part = Json.createObjectBuilder()
                .add("id", account.getId().toString())
                .add("email", account.getEmail())
                .add("displayName", account.getDisplayName())
                .add("preferredLanguage", account.getPreferredLanguage().tag())
                .add("createdAt", account.getCreatedAt().toString())
                .add("hasPassword", account.getPasswordHash() != null)
                .add("roles", roles);
        account.getEmailVerifiedAt().ifPresent(at -> part.add("emailVerifiedAt", at.toString()));
        return part;
    }

    private JsonObjectBuilder membershipPart(Account account) {
        Memberships.MemberFile file = memberships.file(account);
        JsonArrayBuilder periods = Json.createArrayBuilder();
        for (StandingHistory.Period period : file.history().periods()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("standing", period.standing().code())
                    .add("from", period.from().toString()).add("cause", period.cause().code())
                    .add("reason", period.reason());
            period.until().ifPresent(until -> json.add("until", until.toString()));
            periods.add(json);
        }
        JsonArrayBuilder payments = Json.createArrayBuilder();
        for (DuesPayment payment : file.payments()) {
            payments.add(Json.createObjectBuilder().add("amount", payment.getAmount().getAmount().toPlainString())
                    .add("currency", payment.getAmount().getCurrency().getCurrencyCode())
                    .add("paidOn", payment.getPaidOn().toString())
                    .add("coversUntil", payment.getCoversUntil().toString())
                    .add("source", payment.getSource()).add("reference", payment.getReference()));
        }
        JsonArrayBuilder withdrawals = Json.createArrayBuilder();
        for (DuesWithdrawal withdrawal : file.withdrawals()) {
            withdrawals.add(Json.createObjectBuilder().add("source", withdrawal.getSource())
                    .add("reference", withdrawal.getReference())
                    .add("withdrawnOn", withdrawal.getWithdrawnOn().toString())
                    .add("cause", withdrawal.getCause()));
        }
        JsonArrayBuilder refunds = Json.createArrayBuilder();
        for (Memberships.Refund refund : memberships.refundsOf(account.getId())) {
            refunds.add(Json.createObjectBuilder().add("reference", refund.reference()).add("refund", refund.refundId())
                    .add("amount", refund.amount().getAmount().toPlainString())
                    .add("currency", refund.amount().getCurrency().getCurrencyCode())
                    .add("refundedOn", refund.on().toString()));
        }
        JsonArrayBuilder subscriptionChanges = Json.createArrayBuilder();
        for (DuesSubscriptionChange change : memberships.subscriptionChanges(account.getId())) {
            subscriptionChanges.add(Json.createObjectBuilder().add("subscription", change.getSubscriptionId())
                    .add("status", change.getStatus().code())
                    .add("changedAt", change.getChangedAt().toString()));
        }
        JsonArrayBuilder contributions = Json.createArrayBuilder();
        for (ProjectContribution contribution : file.contributions()) {
            contributions.add(Json.createObjectBuilder().add("project", contribution.getProject())
                    .add("description", contribution.getDescription())
                    .add("evidenceUrl", contribution.getEvidenceUrl())
                    .add("startsOn", contribution.getStartsOn().toString())
                    .add("reviewOn", contribution.getReviewOn().toString()));
        }
        return Json.createObjectBuilder().add("class", file.membership().getMemberClass().code())
                .add("appliedAt", file.membership().getAppliedAt().toString())
                .add("standing", file.standing().code())
                .add("standingHistory", periods)
                .add("duesPayments", payments)
                .add("duesWithdrawals", withdrawals)
                .add("duesRefunds", refunds)
                .add("duesSubscriptionChanges", subscriptionChanges)
                .add("projectContributions", contributions);
    }

    private JsonArrayBuilder signInAttempts(Account account) {
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT attempted_at, address, succeeded"
                + " FROM governance.login_attempt WHERE account_key = ?1 ORDER BY attempted_at")
                .setParameter(1, account.getEmail().toLowerCase(java.util.Locale.ROOT)).getResultList();
        for (Object[] row : rows) {
            attempts.add(Json.createObjectBuilder().add("at", String.valueOf(row[0])).add("address", (String) row[1])
                    .add("succeeded", (Boolean) row[2]));
        }
        return attempts;
    }

    /** A part of the export owned by another component (for example the linked Mastodon account). */
    public interface PersonalDataSection {
        String name();

        Optional<JsonObject> describe(java.util.UUID account);
    }
}
