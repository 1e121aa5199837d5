package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.foundation.entity.Foundation;

/** The bylaws settings of the membership rules, kept with the foundation. */
@ApplicationScoped
public class BylawsSettings {

    /**
     * Grace days after unpaid dues; whether members in grace vote; days of membership needed to
     * vote; the notice window of general meetings; the quorum rules; proxies; the offices of the
     * board; the term limit. In a change, a meeting or board setting left out (null) keeps its value.
     */
    public record Bylaws(Integer duesGraceDays, Boolean graceKeepsVote, Integer minMembershipDays,
            Integer noticeMinDays, Integer noticeMaxDays, String memberQuorumKind, Integer memberQuorumValue,
            String boardQuorumKind, Integer boardQuorumValue, Boolean proxiesAllowed, List<String> officerRoles,
            Integer maxDirectorTerms) {
    }

    private static final Pattern OFFICE = Pattern.compile("[a-z][a-z-]{0,39}");

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    AuditLog audit;

    public Bylaws current() {
        Foundation foundation = foundation(LockModeType.NONE);
        return new Bylaws(foundation.getDuesGraceDays(), foundation.isGraceKeepsVote(),
                foundation.getMinMembershipDays(), foundation.getNoticeMinDays(), foundation.getNoticeMaxDays(),
                foundation.getMemberQuorumKind(), foundation.getMemberQuorumValue(), foundation.getBoardQuorumKind(),
                foundation.getBoardQuorumValue(), foundation.isProxiesAllowed(),
                List.of(foundation.getOfficerRoles().split(",")), foundation.getMaxDirectorTerms());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Bylaws change(Bylaws wanted, UUID actor) {
        List<String> problems = new ArrayList<>();
        if (wanted.duesGraceDays() == null || wanted.duesGraceDays() < 0 || wanted.duesGraceDays() > 365) {
            problems.add("validation.grace-days.invalid");
        }
        if (wanted.graceKeepsVote() == null) {
            problems.add("validation.grace-keeps-vote.required");
        }
        if (wanted.minMembershipDays() == null || wanted.minMembershipDays() < 0
                || wanted.minMembershipDays() > 3650) {
            problems.add("validation.min-membership-days.invalid");
        }
        Bylaws now = current();
        Bylaws merged = new Bylaws(wanted.duesGraceDays(), wanted.graceKeepsVote(), wanted.minMembershipDays(),
                or(wanted.noticeMinDays(), now.noticeMinDays()), or(wanted.noticeMaxDays(), now.noticeMaxDays()),
                or(wanted.memberQuorumKind(), now.memberQuorumKind()),
                or(wanted.memberQuorumValue(), now.memberQuorumValue()),
                or(wanted.boardQuorumKind(), now.boardQuorumKind()),
                or(wanted.boardQuorumValue(), now.boardQuorumValue()),
                or(wanted.proxiesAllowed(), now.proxiesAllowed()), or(wanted.officerRoles(), now.officerRoles()),
                or(wanted.maxDirectorTerms(), now.maxDirectorTerms()));
        problems.addAll(meetingRuleProblems(merged));
        InvalidInput.refuseUnlessEmpty(problems);
        Foundation foundation = foundation(LockModeType.PESSIMISTIC_WRITE);
        foundation.changeBylaws(wanted.duesGraceDays(), wanted.graceKeepsVote(), wanted.minMembershipDays());
        foundation.changeMeetingRules(merged.noticeMinDays(), merged.noticeMaxDays(), merged.memberQuorumKind(),
                merged.memberQuorumValue(), merged.boardQuorumKind(), merged.boardQuorumValue(),
                merged.proxiesAllowed(), String.join(",", merged.officerRoles()), merged.maxDirectorTerms());
        audit.record(actor, AuditLog.Action.BYLAWS_CHANGED, null, "grace " + wanted.duesGraceDays() + " days, grace"
                + (wanted.graceKeepsVote() ? " keeps" : " loses") + " the vote, " + wanted.minMembershipDays()
                + " days to vote; notice " + merged.noticeMinDays() + "-" + merged.noticeMaxDays() + " days, quorum "
                + merged.memberQuorumValue() + " " + merged.memberQuorumKind() + " of members, "
                + merged.boardQuorumValue() + " " + merged.boardQuorumKind() + " of directors, proxies "
                + (merged.proxiesAllowed() ? "allowed" : "refused") + ", offices " + String.join(",",
                        merged.officerRoles()) + ", term limit " + merged.maxDirectorTerms());
        return current();
    }

    /** The reasons the meeting and board settings in {@code bylaws} (all present) are refused. */
    static List<String> meetingRuleProblems(Bylaws bylaws) {
        List<String> problems = new ArrayList<>();
        if (bylaws.noticeMinDays() < 0 || bylaws.noticeMinDays() > 365 || bylaws.noticeMaxDays() < 1
                || bylaws.noticeMaxDays() > 365 || bylaws.noticeMinDays() >= bylaws.noticeMaxDays()) {
            problems.add("validation.notice-window.invalid");
        }
        if (!quorumValid(bylaws.memberQuorumKind(), bylaws.memberQuorumValue())
                || !quorumValid(bylaws.boardQuorumKind(), bylaws.boardQuorumValue())) {
            problems.add("validation.quorum.invalid");
        }
        List<String> offices = bylaws.officerRoles();
        if (offices.isEmpty() || offices.size() > 20 || offices.stream().anyMatch(office -> office == null
                || !OFFICE.matcher(office).matches()) || offices.stream().distinct().count() != offices.size()) {
            problems.add("validation.offices.invalid");
        }
        if (bylaws.maxDirectorTerms() < 0 || bylaws.maxDirectorTerms() > 50) {
            problems.add("validation.term-limit.invalid");
        }
        return problems;
    }

    private static boolean quorumValid(String kind, int value) {
        return ("number".equals(kind) && value >= 1 && value <= 100000)
                || ("percent".equals(kind) && value >= 1 && value <= 100);
    }

    private static <T> T or(T wanted, T current) {
        return wanted == null ? current : wanted;
    }

    private Foundation foundation(LockModeType lock) {
        Foundation foundation = entityManager.find(Foundation.class, Foundation.THE_FOUNDATION, lock);
        if (foundation == null) {
            throw new Refusal("not-set-up", Response.Status.CONFLICT);
        }
        return foundation;
    }
}
