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
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.foundation.entity.Foundation;

/** The bylaws settings of the membership rules, kept with the foundation. */
@ApplicationScoped
public class BylawsSettings {

    /** Grace days after unpaid dues; whether members in grace vote; days of membership needed to vote. */
    public record Bylaws(Integer duesGraceDays, Boolean graceKeepsVote, Integer minMembershipDays) {
    }

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    AuditLog audit;

    public Bylaws current() {
        Foundation foundation = foundation(LockModeType.NONE);
        return new Bylaws(foundation.getDuesGraceDays(), foundation.isGraceKeepsVote(),
                foundation.getMinMembershipDays());
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
        InvalidInput.refuseUnlessEmpty(problems);
        Foundation foundation = foundation(LockModeType.PESSIMISTIC_WRITE);
        foundation.changeBylaws(wanted.duesGraceDays(), wanted.graceKeepsVote(), wanted.minMembershipDays());
        audit.record(actor, AuditLog.Action.BYLAWS_CHANGED, null, "grace " + wanted.duesGraceDays() + " days, grace"
                + (wanted.graceKeepsVote() ? " keeps" : " loses") + " the vote, " + wanted.minMembershipDays()
                + " days to vote");
        return current();
    }

    private Foundation foundation(LockModeType lock) {
        Foundation foundation = entityManager.find(Foundation.class, Foundation.THE_FOUNDATION, lock);
        if (foundation == null) {
            throw new Refusal("not-set-up", Response.Status.CONFLICT);
        }
        return foundation;
    }
}
