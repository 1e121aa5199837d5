package org.herdbook.web.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.audit.entity.AuditEvent;

/**
 * Records who did what to whom, in the same transaction as the deed: a refused or rolled-back
 * change leaves no line. Lines name accounts by id only, so closing an account leaves them whole.
 */
@ApplicationScoped
public class AuditLog {

    /** The actions written to the log. */
    public enum Action {
        ACCOUNT_CREATED("account.created"),
        ACCOUNT_REGISTERED("account.registered"),
        EMAIL_VERIFIED("account.email-verified"),
        PASSWORD_CHANGED("account.password-changed"),
        PASSWORD_RESET("account.password-reset"),
        ROLE_GRANTED("role.granted"),
        ROLE_REVOKED("role.revoked"),
        STANDING_CHANGED("standing.changed"),
        PROJECT_MEMBERSHIP_GRANTED("membership.project-granted"),
        DUES_RECORDED("dues.recorded"),
        DUES_WITHDRAWN("dues.withdrawn"),
        BYLAWS_CHANGED("bylaws.changed"),
        DATA_EXPORTED("privacy.exported"),
        ACCOUNT_CLOSED("account.closed"),
        DIRECTOR_TERM_RECORDED("board.term-recorded"),
        DIRECTOR_RESIGNED("board.resigned"),
        OFFICER_APPOINTED("board.officer-appointed"),
        MEETING_SCHEDULED("meeting.scheduled"),
        MEETING_NOTICE_SENT("meeting.notice-sent"),
        MEETING_CALLED_TO_ORDER("meeting.called-to-order"),
        MEETING_ADJOURNED("meeting.adjourned"),
        MOTION_PUT_TO_BALLOT("meeting.motion-put-to-ballot"),
        MOTION_DECIDED("meeting.motion-decided"),
        MINUTES_EDITED("minutes.edited"),
        MINUTES_APPROVED("minutes.approved"),
        MINUTES_CORRECTED("minutes.corrected"),
        FILING_RECORDED("filing.recorded");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;

    /** @param detail no personal data: role names, standings, dates, ids */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID actor, Action action, UUID subject, String detail) {
        entityManager.persist(new AuditEvent(actor, action.code(), subject, detail));
    }

    public List<AuditEvent> newest(int first, int max) {
        return entityManager.createNamedQuery(AuditEvent.NEWEST, AuditEvent.class).setFirstResult(first)
                .setMaxResults(max).getResultList();
    }

    public List<AuditEvent> about(UUID account) {
        return entityManager.createNamedQuery(AuditEvent.ABOUT, AuditEvent.class).setParameter("account", account)
                .getResultList();
    }
}
