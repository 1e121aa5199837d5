package org.herdbook.web.meetings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.meetings.entity.Meeting;

/**
 * Who attends a meeting and whether it has its quorum. Attendance is kept as arrivals and
 * departures; the quorum is computed from them at any moment, recorded when the meeting is called
 * to order, and recorded again each time a change of attendance loses or regains it.
 */
@ApplicationScoped
public class Attendance {

    /** How someone attends. */
    public enum Mode {
        IN_PERSON("in-person"), ONLINE("online"), PROXY("proxy"), LEFT("left");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Mode> of(String code) {
            for (Mode mode : values()) {
                if (mode.code.equals(code)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }

        /** Present in the room or online, able to move, second and hold proxies. */
        public boolean inPerson() {
            return this == IN_PERSON || this == ONLINE;
        }
    }

    /** Someone present now and how; for a proxy, who holds it. */
    public record Present(UUID accountId, Mode mode, Optional<UUID> proxyHolder) {
    }

    /** The quorum now. */
    public record QuorumNow(int present, int required, int entitled, boolean quorate) {
    }

    /** A recorded quorum event: called to order, lost or regained. */
    public record QuorumEvent(String kind, int present, int required, boolean quorate, OffsetDateTime at) {
    }

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Meetings meetings;
    @Inject
    AuditLog audit;

    /**
     * Records an arrival (in person, online, by proxy) or a departure ({@code left}).
     *
     * @throws InvalidInput for a missing person or an unknown mode, a proxy without holder
     * @throws Refusal {@code meeting-adjourned}, {@code not-entitled-to-attend},
     *     {@code proxies-not-allowed}, {@code proxy-holder-not-present}, {@code already-present},
     *     {@code not-present} (all 409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public QuorumNow record(UUID meetingId, UUID accountId, String modeCode, UUID proxyHolder, UUID actor) {
        List<String> problems = new ArrayList<>();
        Optional<Mode> mode = Mode.of(modeCode);
        if (accountId == null) {
            problems.add("validation.attendee.required");
        }
        if (mode.isEmpty()) {
            problems.add("validation.attendance-mode.invalid");
        } else if (mode.get() == Mode.PROXY && (proxyHolder == null || proxyHolder.equals(accountId))) {
            problems.add("validation.proxy-holder.required");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        Meeting meeting = meetings.locked(meetingId);
        if (meeting.getAdjournedAt().isPresent()) {
            throw new Refusal("meeting-adjourned", Response.Status.CONFLICT);
        }
        Map<UUID, Present> present = present(meetingId);
        if (mode.get() == Mode.LEFT) {
            if (!present.containsKey(accountId)) {
                throw new Refusal("not-present", Response.Status.CONFLICT);
            }
        } else {
            if (!meetings.isEntitled(meeting, accountId)) {
                throw new Refusal("not-entitled-to-attend", Response.Status.CONFLICT);
            }
            if (present.containsKey(accountId)) {
                throw new Refusal("already-present", Response.Status.CONFLICT);
            }
            if (mode.get() == Mode.PROXY) {
                if (!meeting.isProxiesAllowed()) {
                    throw new Refusal("proxies-not-allowed", Response.Status.CONFLICT);
                }
                Present holder = present.get(proxyHolder);
                if (holder == null || !holder.mode().inPerson()) {
                    throw new Refusal("proxy-holder-not-present", Response.Status.CONFLICT);
                }
            }
        }
        entityManager.createNativeQuery("INSERT INTO governance.attendance_event (meeting_id, account_id, mode,"
                + " proxy_id, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, meetingId)
                .setParameter(2, accountId).setParameter(3, mode.get().code())
                .setParameter(4, mode.get() == Mode.PROXY ? proxyHolder : null).setParameter(5, actor).executeUpdate();
        QuorumNow now = quorum(meeting);
        if (meeting.isInSession()) {
            boolean before = events(meetingId).get(events(meetingId).size() - 1).quorate();
            if (before != now.quorate()) {
                writeEvent(meetingId, now.quorate() ? "regained" : "lost", now);
            }
        }
        return now;
    }

    /**
     * Calls the meeting to order: records the quorum as it stands.
     *
     * @throws Refusal {@code already-called-to-order}, {@code meeting-not-today} (409) before its day
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public QuorumNow callToOrder(UUID meetingId, UUID actor) {
        Meeting meeting = meetings.locked(meetingId);
        if (meeting.getCalledToOrderAt().isPresent()) {
            throw new Refusal("already-called-to-order", Response.Status.CONFLICT);
        }
        if (meetings.foundation().today().isBefore(meeting.getHeldOn())) {
            throw new Refusal("meeting-not-today", Response.Status.CONFLICT, meeting.getHeldOn().toString());
        }
        meeting.callToOrder();
        QuorumNow now = quorum(meeting);
        writeEvent(meetingId, "called-to-order", now);
        audit.record(actor, AuditLog.Action.MEETING_CALLED_TO_ORDER, null, "meeting " + meetingId + ": "
                + now.present() + " present, " + now.required() + " required");
        return now;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void adjourn(UUID meetingId, UUID actor) {
        Meeting meeting = meetings.locked(meetingId);
        if (!meeting.isInSession()) {
            throw new Refusal("meeting-not-in-session", Response.Status.CONFLICT);
        }
        meeting.adjourn();
        audit.record(actor, AuditLog.Action.MEETING_ADJOURNED, null, "meeting " + meetingId);
    }

    /** Who is present now: each person's latest arrival, unless they left after it. */
    public Map<UUID, Present> present(UUID meetingId) {
        Map<UUID, Present> present = new LinkedHashMap<>();
        for (Object[] row : Meetings.rows(entityManager.createNativeQuery("SELECT account_id, mode, proxy_id FROM"
                + " governance.attendance_event WHERE meeting_id = ?1 ORDER BY id").setParameter(1, meetingId)
                .getResultList())) {
            UUID account = (UUID) row[0];
            Mode mode = Mode.of((String) row[1]).orElseThrow();
            if (mode == Mode.LEFT) {
                present.remove(account);
            } else {
                present.put(account, new Present(account, mode, Optional.ofNullable((UUID) row[2])));
            }
        }
        // A proxy counts while its holder is there.
        present.values().removeIf(entry -> entry.mode() == Mode.PROXY && !present.containsKey(entry.proxyHolder()
                .orElseThrow()));
        return present;
    }

    public QuorumNow quorum(Meeting meeting) {
        int present = present(meeting.getId()).size();
        QuorumRule rule = meeting.getQuorum();
        int entitled = meeting.getEntitledCount();
        return new QuorumNow(present, rule.required(entitled), entitled, rule.isMet(present, entitled));
    }

    public List<QuorumEvent> events(UUID meetingId) {
        List<QuorumEvent> events = new ArrayList<>();
        for (Object[] row : Meetings.rows(entityManager.createNativeQuery("SELECT kind, present, required, quorate,"
                + " occurred_at FROM governance.quorum_event WHERE meeting_id = ?1 ORDER BY id")
                .setParameter(1, meetingId).getResultList())) {
            events.add(new QuorumEvent((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    (Boolean) row[3], Sql.instant(row[4])));
        }
        return events;
    }

    private void writeEvent(UUID meetingId, String kind, QuorumNow now) {
        entityManager.createNativeQuery("INSERT INTO governance.quorum_event (meeting_id, kind, present, required,"
                + " quorate) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, meetingId).setParameter(2, kind)
                .setParameter(3, now.present()).setParameter(4, now.required()).setParameter(5, now.quorate())
                .executeUpdate();
    }
}
