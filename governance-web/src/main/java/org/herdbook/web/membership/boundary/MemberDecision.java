package org.herdbook.web.membership.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.membership.control.MemberForms;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.control.VotingEligibility;
import org.herdbook.web.membership.entity.StandingCause;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** A member's file for the board: history, a standing decision, a project membership, eligibility. */
@Named
@RequestScoped
public class MemberDecision {

    @Inject
    Memberships memberships;
    @Inject
    Accounts accounts;
    @Inject
    CurrentAccount me;
    @Inject
    PageFeedback feedback;

    private String id;
    private Optional<Memberships.MemberFile> file;
    private String standing;
    private String effectiveOn;
    private String reason;
    private String project;
    private String description;
    private String evidenceUrl;
    private String startsOn;
    private String reviewOn;
    private String recordDate;
    private VotingEligibility.Verdict verdict;

    /** On arrival: a member that does not exist (or a malformed id) is a 404. */
    public void load() {
        if (getFile() == null) {
            feedback.status(404);
            feedback.error("problem.not-a-member.detail");
        }
    }

    public Memberships.MemberFile getFile() {
        if (file == null) {
            file = member().map(memberships::file);
        }
        return file.orElse(null);
    }

    public void decide() {
        Optional<Account> member = member();
        if (member.isEmpty()) {
            load();
            return;
        }
        boolean done = feedback.attempt(() -> {
            MemberForms.Decision decision = MemberForms.decision(standing, optionalDay(effectiveOn), reason,
                    memberships.foundation().today());
            return memberships.changeStanding(member.get().getId(), decision.standing(), decision.effectiveOn(),
                    StandingCause.BOARD_DECISION, decision.reason(), me.account().getId());
        }) != null;
        if (done) {
            file = null;
            feedback.info("board.member.decided");
        }
    }

    public void grant() {
        Optional<Account> member = member();
        if (member.isEmpty()) {
            load();
            return;
        }
        boolean done = feedback.attempt(() -> memberships.grantProjectMembership(member.get().getId(),
                MemberForms.projectGrant(project, description, evidenceUrl, optionalDay(startsOn),
                        optionalDay(reviewOn)), me.account().getId())) != null;
        if (done) {
            file = null;
            feedback.info("board.member.granted");
        }
    }

    public void checkEligibility() {
        Optional<Account> member = member();
        if (member.isPresent()) {
            verdict = feedback.attempt(() -> memberships.eligibility(member.get().getId(), MemberForms.day(recordDate)));
        }
    }

    public String getVerdictText() {
        if (verdict == null) {
            return null;
        }
        return switch (verdict.reason()) {
            case ELIGIBLE -> feedback.text("eligibility.eligible");
            case NOT_A_MEMBER -> feedback.text("eligibility.not-a-member");
            case STANDING -> feedback.text("eligibility.standing");
            case TOO_RECENT -> feedback.text("eligibility.too-recent", verdict.membershipDays(),
                    memberships.rules().minimumMembershipDays());
        };
    }

    public boolean isEligible() {
        return verdict != null && verdict.eligible();
    }

    private Optional<Account> member() {
        try {
            return id == null ? Optional.empty() : accounts.byId(UUID.fromString(id))
                    .filter(account -> !account.isClosed())
                    .filter(account -> memberships.of(account.getId()).isPresent());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static LocalDate optionalDay(String text) {
        return text == null || text.isBlank() ? null : MemberForms.day(text);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStanding() {
        return standing;
    }

    public void setStanding(String standing) {
        this.standing = standing;
    }

    public String getEffectiveOn() {
        return effectiveOn;
    }

    public void setEffectiveOn(String effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    public void setEvidenceUrl(String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getReviewOn() {
        return reviewOn;
    }

    public void setReviewOn(String reviewOn) {
        this.reviewOn = reviewOn;
    }

    public String getRecordDate() {
        return recordDate;
    }

    public void setRecordDate(String recordDate) {
        this.recordDate = recordDate;
    }
}
