package org.herdbook.web.membership.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.control.StandingHistory;
import org.herdbook.web.membership.control.VotingEligibility;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.web.membership.entity.DuesSubscriptionChange;
import org.herdbook.web.membership.entity.DuesWithdrawal;
import org.herdbook.web.membership.entity.ProjectContribution;

/** How the API shows members. Dates are ISO days in the foundation's time zone; absent values are null. */
public final class MemberViews {

    private MemberViews() {
    }

    public record Period(String standing, LocalDate from, LocalDate until, String cause, String reason) {
        static Period of(StandingHistory.Period period) {
            return new Period(period.standing().code(), period.from(), period.until().orElse(null),
                    period.cause().code(), period.reason());
        }
    }

    /** A dues payment; {@code withdrawnOn} and {@code withdrawal} ({@code refunded}, {@code reversed}) when its money went back. */
    public record Payment(BigDecimal amount, String currency, LocalDate paidOn, LocalDate coversUntil, String source,
            String reference, LocalDate withdrawnOn, String withdrawal) {
        static Payment of(DuesPayment payment, Memberships.MemberFile file) {
            Optional<DuesWithdrawal> withdrawn = file.withdrawal(payment);
            return new Payment(payment.getAmount().getAmount(), payment.getAmount().getCurrency().getCurrencyCode(),
                    payment.getPaidOn(), payment.getCoversUntil(), payment.getSource(), payment.getReference(),
                    withdrawn.map(DuesWithdrawal::getWithdrawnOn).orElse(null),
                    withdrawn.map(DuesWithdrawal::getCause).orElse(null));
        }
    }

    /** The member's PayPal subscription as PayPal's latest event describes it. */
    public record Subscription(String subscriptionId, String status, OffsetDateTime since) {
        static Subscription of(DuesSubscriptionChange change) {
            return new Subscription(change.getSubscriptionId(), change.getStatus().code(), change.getChangedAt());
        }
    }

    public record Contribution(String project, String description, String evidenceUrl, LocalDate startsOn,
            LocalDate reviewOn) {
        static Contribution of(ProjectContribution contribution) {
            return new Contribution(contribution.getProject(), contribution.getDescription(),
                    contribution.getEvidenceUrl(), contribution.getStartsOn(), contribution.getReviewOn());
        }
    }

    public record Eligibility(LocalDate recordDate, boolean eligible, String reason, String standing,
            LocalDate memberSince, long membershipDays) {
        static Eligibility of(LocalDate recordDate, VotingEligibility.Verdict verdict) {
            return new Eligibility(recordDate, verdict.eligible(), verdict.reason().name().toLowerCase().replace('_', '-'),
                    verdict.standing().map(standing -> standing.code()).orElse(null),
                    verdict.memberSince().orElse(null), verdict.membershipDays());
        }
    }

    /** A member's file as the member (and the board) see it. */
    public record MemberFile(UUID id, String displayName, String email, String memberClass, String standing,
            LocalDate paidUntil, Eligibility votingToday, List<Period> standingHistory, List<Payment> duesPayments,
            List<Contribution> projectContributions, Subscription duesSubscription) {
        /** The member's file as it stands today in the foundation's time zone. */
        static MemberFile of(Memberships memberships, Account account) {
            return of(memberships.file(account), memberships.foundation().today());
        }

        static MemberFile of(Memberships.MemberFile file, LocalDate today) {
            return new MemberFile(file.account().getId(), file.account().getDisplayName(), file.account().getEmail(),
                    file.membership().getMemberClass().code(), file.standing().code(), file.paidUntil().orElse(null),
                    Eligibility.of(today, file.eligibleToday()),
                    file.history().periods().stream().map(Period::of).toList(),
                    file.payments().stream().map(payment -> Payment.of(payment, file)).toList(),
                    file.contributions().stream().map(Contribution::of).toList(),
                    file.subscription().map(Subscription::of).orElse(null));
        }
    }

    public record DirectoryRow(UUID id, String displayName, String email, String memberClass, String standing,
            LocalDate standingSince, LocalDate memberSince, LocalDate paidUntil, LocalDate reviewOn) {
        static DirectoryRow of(Memberships.DirectoryEntry entry) {
            return new DirectoryRow(entry.id(), entry.displayName(), entry.email(), entry.memberClass().code(),
                    entry.standing().code(), entry.standingSince().orElse(null), entry.memberSince().orElse(null),
                    entry.paidUntil().orElse(null), entry.reviewOn().orElse(null));
        }
    }

    /** The directory with counts per class and standing (of all members, whatever the filters). */
    public record Directory(Map<String, Map<String, Long>> counts, int total, List<DirectoryRow> members) {
    }
}
