package org.herdbook.web.membership.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Optional;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.control.VotingEligibility;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The member's own page: class, standing today and its history, dues, contributions, vote. */
@Named
@RequestScoped
public class MyMembership {

    @Inject
    Memberships memberships;
    @Inject
    CurrentAccount me;
    @Inject
    PageFeedback feedback;

    private Optional<Memberships.MemberFile> file;

    /** The signed-in person's membership file; empty for accounts that are not members (an administrator). */
    public Memberships.MemberFile getFile() {
        if (file == null) {
            file = memberships.of(me.account().getId()).map(found -> memberships.file(me.account()));
        }
        return file.orElse(null);
    }

    public boolean isMember() {
        return getFile() != null;
    }

    public String getVoteText() {
        VotingEligibility.Verdict verdict = getFile().eligibleToday();
        return switch (verdict.reason()) {
            case ELIGIBLE -> feedback.text("eligibility.eligible");
            case NOT_A_MEMBER -> feedback.text("eligibility.not-a-member");
            case STANDING -> feedback.text("eligibility.standing");
            case TOO_RECENT -> feedback.text("eligibility.too-recent", verdict.membershipDays(),
                    memberships.rules().minimumMembershipDays());
        };
    }

    public LocalDate getPaidUntil() {
        return getFile().paidUntil().orElse(null);
    }

    public void resign() {
        if (feedback.attempt(() -> memberships.resign(me.account().getId())) != null) {
            file = null;
            feedback.info("membership.resigned");
        }
    }
}
