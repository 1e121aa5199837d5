package org.herdbook.web.membership.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;
import org.junit.jupiter.api.Test;

/** The one eligibility rule, on its boundaries: the day before and the day of each change. */
class VotingEligibilityTest {

    static final LocalDate APPLIED = LocalDate.of(2026, 3, 1);
    static final LocalDate ACTIVE_FROM = LocalDate.of(2026, 3, 10);
    static final LocalDate GRACE_FROM = LocalDate.of(2026, 4, 10);
    static final LocalDate LAPSED_FROM = LocalDate.of(2026, 5, 10);
    static final VotingEligibility.Rules GRACE_VOTES = new VotingEligibility.Rules(true, 0);
    static final VotingEligibility.Rules GRACE_SILENT = new VotingEligibility.Rules(false, 0);

    static StandingHistory.Change change(Standing standing, LocalDate from) {
        return new StandingHistory.Change(standing, from, StandingCause.BOARD_DECISION, "");
    }

    static final StandingHistory MEMBER = new StandingHistory(List.of(
            change(Standing.APPLICANT, APPLIED), change(Standing.ACTIVE, ACTIVE_FROM),
            change(Standing.IN_GRACE, GRACE_FROM), change(Standing.LAPSED, LAPSED_FROM)));

    @Test
    void nobodyVotesBeforeTheirFirstChange() {
        VotingEligibility.Verdict verdict = VotingEligibility.on(MEMBER, APPLIED.minusDays(1), GRACE_VOTES);
        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reason()).isEqualTo(VotingEligibility.Reason.NOT_A_MEMBER);
    }

    @Test
    void anApplicantDoesNotVoteAndAnActiveMemberDoesFromTheDayOfActivation() {
        assertThat(VotingEligibility.on(MEMBER, ACTIVE_FROM.minusDays(1), GRACE_VOTES).reason())
                .isEqualTo(VotingEligibility.Reason.STANDING);
        VotingEligibility.Verdict dayOf = VotingEligibility.on(MEMBER, ACTIVE_FROM, GRACE_VOTES);
        assertThat(dayOf.eligible()).isTrue();
        assertThat(dayOf.memberSince()).contains(ACTIVE_FROM);
        assertThat(dayOf.membershipDays()).isZero();
    }

    @Test
    void graceKeepsTheVoteOnlyWhenTheBylawsSaySo() {
        assertThat(VotingEligibility.on(MEMBER, GRACE_FROM.minusDays(1), GRACE_SILENT).eligible()).isTrue();
        assertThat(VotingEligibility.on(MEMBER, GRACE_FROM, GRACE_VOTES).eligible()).isTrue();
        assertThat(VotingEligibility.on(MEMBER, GRACE_FROM, GRACE_SILENT).eligible()).isFalse();
        assertThat(VotingEligibility.on(MEMBER, GRACE_FROM, GRACE_SILENT).reason())
                .isEqualTo(VotingEligibility.Reason.STANDING);
    }

    @Test
    void aLapsedMemberDoesNotVoteFromTheDayOfLapse() {
        assertThat(VotingEligibility.on(MEMBER, LAPSED_FROM.minusDays(1), GRACE_VOTES).eligible()).isTrue();
        assertThat(VotingEligibility.on(MEMBER, LAPSED_FROM, GRACE_VOTES).eligible()).isFalse();
    }

    @Test
    void theMinimumMembershipDaysCountFromTheStartOfTheUnbrokenMembership() {
        VotingEligibility.Rules thirtyDays = new VotingEligibility.Rules(true, 30);
        VotingEligibility.Verdict dayBefore = VotingEligibility.on(MEMBER, ACTIVE_FROM.plusDays(29), thirtyDays);
        assertThat(dayBefore.eligible()).isFalse();
        assertThat(dayBefore.reason()).isEqualTo(VotingEligibility.Reason.TOO_RECENT);
        assertThat(dayBefore.membershipDays()).isEqualTo(29);
        assertThat(VotingEligibility.on(MEMBER, ACTIVE_FROM.plusDays(30), thirtyDays).eligible()).isTrue();
        // Grace does not break the membership: still counted from ACTIVE_FROM.
        assertThat(VotingEligibility.on(MEMBER, GRACE_FROM.plusDays(1), thirtyDays).memberSince()).contains(ACTIVE_FROM);
    }

    @Test
    void aMemberWhoRejoinsCountsDaysFromRejoiningNotFromTheFirstMembership() {
        LocalDate rejoined = LocalDate.of(2026, 6, 1);
        StandingHistory rejoiner = new StandingHistory(List.of(change(Standing.ACTIVE, ACTIVE_FROM),
                change(Standing.LAPSED, LAPSED_FROM), change(Standing.ACTIVE, rejoined)));
        VotingEligibility.Rules tenDays = new VotingEligibility.Rules(true, 10);
        assertThat(VotingEligibility.on(rejoiner, rejoined.plusDays(9), tenDays).eligible()).isFalse();
        assertThat(VotingEligibility.on(rejoiner, rejoined.plusDays(10), tenDays).eligible()).isTrue();
    }

    @Test
    void theLastChangeRecordedForADayIsThatDaysStanding() {
        StandingHistory sameDay = new StandingHistory(List.of(change(Standing.APPLICANT, ACTIVE_FROM),
                change(Standing.ACTIVE, ACTIVE_FROM)));
        assertThat(sameDay.on(ACTIVE_FROM)).contains(Standing.ACTIVE);
        assertThat(sameDay.periods()).extracting(period -> period.standing() + " " + period.until())
                .containsExactly("APPLICANT Optional[2026-03-10]", "ACTIVE Optional.empty");
        assertThat(VotingEligibility.on(sameDay, ACTIVE_FROM, GRACE_VOTES).eligible()).isTrue();
    }

    @Test
    void periodsRunUntilTheDayBeforeTheNextChange() {
        assertThat(MEMBER.periods()).extracting(period -> period.standing() + " " + period.from() + ".."
                + period.until().map(LocalDate::toString).orElse(""))
                .containsExactly("APPLICANT 2026-03-01..2026-03-09", "ACTIVE 2026-03-10..2026-04-09",
                        "IN_GRACE 2026-04-10..2026-05-09", "LAPSED 2026-05-10..");
    }
}
