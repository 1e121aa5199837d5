package org.herdbook.web.membership.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.herdbook.web.membership.entity.Standing;

/**
 * The one rule that says who may vote: on the record date the member is active (or in grace, when
 * the bylaws say grace keeps the vote) and has been a member without a break for at least the
 * bylaws' minimum number of days. Ballots and general meetings both ask this rule.
 */
public final class VotingEligibility {

    /** The bylaws settings the rule reads. */
    public record Rules(boolean graceKeepsVote, int minimumMembershipDays) {
        public Rules {
            if (minimumMembershipDays < 0) {
                throw new IllegalArgumentException("minimumMembershipDays must not be negative");
            }
        }
    }

    /** Why someone may or may not vote on a record date. */
    public enum Reason {
        ELIGIBLE, NOT_A_MEMBER, STANDING, TOO_RECENT
    }

    public record Verdict(boolean eligible, Reason reason, Optional<Standing> standing, Optional<LocalDate> memberSince,
            long membershipDays) {
    }

    private VotingEligibility() {
    }

    public static Verdict on(StandingHistory history, LocalDate recordDate, Rules rules) {
        Optional<Standing> standing = history.on(recordDate);
        if (standing.isEmpty()) {
            return new Verdict(false, Reason.NOT_A_MEMBER, standing, Optional.empty(), 0);
        }
        boolean standingVotes = standing.get() == Standing.ACTIVE
                || (standing.get() == Standing.IN_GRACE && rules.graceKeepsVote());
        Optional<LocalDate> since = history.memberSince(recordDate);
        long days = since.map(start -> ChronoUnit.DAYS.between(start, recordDate)).orElse(0L);
        if (!standingVotes) {
            return new Verdict(false, Reason.STANDING, standing, since, days);
        }
        if (days < rules.minimumMembershipDays()) {
            return new Verdict(false, Reason.TOO_RECENT, standing, since, days);
        }
        return new Verdict(true, Reason.ELIGIBLE, standing, since, days);
    }
}
