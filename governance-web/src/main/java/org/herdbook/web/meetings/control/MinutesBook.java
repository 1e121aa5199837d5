package org.herdbook.web.meetings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.board.control.Board;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.meetings.entity.Minutes;
import org.herdbook.web.meetings.entity.Motion;

/**
 * Minutes: drafted from the meeting's record (attendance, quorum, agenda, motions and results) in
 * English and French, edited by the secretary, approved by a director at a later meeting, then
 * locked. What the public sees of approved minutes is the meeting and its decided motions with
 * their counts, never who attended.
 */
@ApplicationScoped
public class MinutesBook {

    /** A correction: the carried motion that made it. */
    public record Correction(UUID motionId, String resolutionNumber, String textEn, String textFr) {
    }

    /** The public part of approved minutes. */
    public record PublicMinutes(UUID meetingId, String kind, String titleEn, String titleFr,
            java.time.LocalDate heldOn, int present, int entitled, boolean quorate, List<PublicMotion> motions) {
    }

    public record PublicMotion(int position, String kind, String textEn, String textFr, boolean carried,
            String resolutionNumber, int votesFor, int votesAgainst, int abstentions) {
    }

    public static final int MAX_BODY = 100_000;

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Meetings meetings;
    @Inject
    Attendance attendance;
    @Inject
    Motions motions;
    @Inject
    Board board;
    @Inject
    Messages messages;
    @Inject
    AuditLog audit;

    public Optional<Minutes> of(UUID meetingId) {
        return Optional.ofNullable(entityManager.find(Minutes.class, meetingId));
    }

    /**
     * Drafts (or drafts again) the minutes from the meeting's record.
     *
     * @throws Refusal {@code meeting-not-held} (409) before the meeting is called to order,
     *     {@code minutes-locked} (409) once approved
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Minutes draft(UUID meetingId, UUID actor) {
        Meeting meeting = meetings.locked(meetingId);
        if (meeting.getCalledToOrderAt().isEmpty()) {
            throw new Refusal("meeting-not-held", Response.Status.CONFLICT);
        }
        String english = drafted(meeting, Language.ENGLISH);
        String french = drafted(meeting, Language.FRENCH);
        Optional<Minutes> existing = of(meetingId);
        if (existing.isPresent()) {
            refuseIfLocked(existing.get());
            existing.get().redraft(english, french, actor);
            return existing.get();
        }
        Minutes minutes = new Minutes(meetingId, english, french, actor);
        entityManager.persist(minutes);
        return minutes;
    }

    /**
     * The secretary's edit.
     *
     * @throws Refusal {@code no-minutes} (404), {@code minutes-locked} (409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Minutes edit(UUID meetingId, String bodyEn, String bodyFr, UUID actor) {
        if (!Texts.valid(bodyEn, MAX_BODY) || !Texts.valid(bodyFr, MAX_BODY)) {
            throw new InvalidInput(List.of("validation.minutes-body.invalid"));
        }
        Minutes minutes = existing(meetingId);
        refuseIfLocked(minutes);
        minutes.edit(bodyEn.strip(), bodyFr.strip(), actor);
        audit.record(actor, AuditLog.Action.MINUTES_EDITED, null, "minutes of meeting " + meetingId);
        return minutes;
    }

    /**
     * Approval by the board at a later meeting; the minutes are locked from then on.
     *
     * @throws Refusal {@code minutes-approval-board-only} (403) when the approver is not on the
     *     board, {@code no-minutes} (404), {@code minutes-locked} (409),
     *     {@code minutes-approval-not-later} (409) when the approving meeting is not a later one
     *     that has been called to order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Minutes approve(UUID meetingId, UUID atMeetingId, Account approver) {
        if (!approver.getRoles().contains(Role.BOARD)) {
            throw new Refusal("minutes-approval-board-only", Response.Status.FORBIDDEN);
        }
        if (atMeetingId == null) {
            throw new InvalidInput(List.of("validation.approving-meeting.required"));
        }
        Meeting meeting = meetings.meeting(meetingId);
        Minutes minutes = existing(meetingId);
        refuseIfLocked(minutes);
        Meeting at = meetings.meeting(atMeetingId);
        boolean later = at.getHeldOn().isAfter(meeting.getHeldOn()) || at.getHeldOn().equals(meeting.getHeldOn())
                && at.getStartsAt().isAfter(meeting.getStartsAt());
        if (!later || at.getCalledToOrderAt().isEmpty()) {
            throw new Refusal("minutes-approval-not-later", Response.Status.CONFLICT);
        }
        minutes.approve(atMeetingId, approver.getId());
        audit.record(approver.getId(), AuditLog.Action.MINUTES_APPROVED, null, "minutes of meeting " + meetingId
                + " at meeting " + atMeetingId);
        return minutes;
    }

    public List<Correction> corrections(UUID meetingId) {
        List<Correction> corrections = new ArrayList<>();
        for (Object[] row : Meetings.rows(entityManager.createNativeQuery("SELECT m.id, m.resolution_number,"
                + " m.text_en, m.text_fr FROM governance.minutes_correction c JOIN governance.motion m"
                + " ON m.id = c.motion_id WHERE c.meeting_id = ?1 ORDER BY c.id").setParameter(1, meetingId)
                .getResultList())) {
            corrections.add(new Correction((UUID) row[0], (String) row[1], (String) row[2], (String) row[3]));
        }
        return corrections;
    }

    /** The public part of every approved set of minutes, newest meeting first. */
    public List<PublicMinutes> published() {
        List<PublicMinutes> published = new ArrayList<>();
        for (Meeting meeting : meetings.all()) {
            Optional<Minutes> minutes = of(meeting.getId());
            if (minutes.isEmpty() || !minutes.get().isApproved()) {
                continue;
            }
            List<Attendance.QuorumEvent> events = attendance.events(meeting.getId());
            Attendance.QuorumEvent called = events.isEmpty() ? null : events.get(0);
            List<PublicMotion> decided = motions.of(meeting.getId()).stream().filter(Motion::isDecided)
                    .map(motion -> new PublicMotion(motion.getPosition(), motion.getThreshold().code(),
                            motion.getTextEn(), motion.getTextFr(), motion.getCarried().orElse(false),
                            motion.getResolutionNumber().orElse(""), motion.getVotesFor().orElse(0),
                            motion.getVotesAgainst().orElse(0), motion.getAbstentions().orElse(0)))
                    .toList();
            published.add(new PublicMinutes(meeting.getId(), meeting.getKind().code(), meeting.getTitleEn(),
                    meeting.getTitleFr(), meeting.getHeldOn(), called == null ? 0 : called.present(),
                    meeting.getEntitledCount(), called != null && called.quorate(), decided));
        }
        return published;
    }

    /** The minutes as the meeting's record tells them, in {@code language}. */
    String drafted(Meeting meeting, Language language) {
        ZoneId zone = meetings.foundation().getTimeZone();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        StringBuilder text = new StringBuilder();
        text.append(line(language, "minutes.heading", meeting.title(language),
                word(language, "meeting.kind." + meeting.getKind().code()), meeting.getHeldOn().toString(),
                meeting.getStartsAt().toString(), meeting.getLocation()));
        if (meeting.getKind().isGeneral()) {
            text.append(line(language, "minutes.record-date", meeting.getRecordDate().toString()));
        }
        meeting.getNoticeSentAt().ifPresent(sent -> text.append(line(language, "minutes.notice",
                sent.atZoneSameInstant(zone).toLocalDate().toString(),
                String.valueOf(meetings.notices(meeting.getId()).size()))));
        Map<UUID, Attendance.Present> present = attendance.present(meeting.getId());
        List<Attendance.QuorumEvent> events = attendance.events(meeting.getId());
        int called = events.isEmpty() ? present.size() : events.get(0).present();
        text.append("\n").append(line(language, "minutes.attendance", String.valueOf(called),
                String.valueOf(meeting.getEntitledCount())));
        for (Attendance.Present person : attendedInOrder(meeting.getId())) {
            String how = word(language, "attendance.mode." + person.mode().code());
            text.append("  - ").append(board.name(person.accountId())).append(" (").append(how)
                    .append(person.proxyHolder().map(holder -> ", " + word(language, "minutes.proxy-held-by",
                            board.name(holder))).orElse("")).append(")\n");
        }
        text.append("\n");
        for (Attendance.QuorumEvent event : events) {
            text.append(line(language, "minutes.quorum." + event.kind() + (event.quorate() ? "" : "-without"),
                    event.at().atZoneSameInstant(zone).toLocalTime().format(time), String.valueOf(event.present()),
                    String.valueOf(event.required())));
        }
        List<Meetings.AgendaItem> agenda = meetings.agenda(meeting.getId());
        if (!agenda.isEmpty()) {
            text.append("\n").append(line(language, "minutes.agenda"));
            agenda.forEach(item -> text.append("  ").append(item.position()).append(". ")
                    .append(item.title(language)).append("\n"));
        }
        List<Motion> all = motions.of(meeting.getId());
        if (!all.isEmpty()) {
            text.append("\n").append(line(language, "minutes.motions"));
        }
        for (Motion motion : all) {
            text.append(line(language, "minutes.motion", String.valueOf(motion.getPosition()),
                    word(language, "motion.kind." + motion.getThreshold().code()), motion.text(language),
                    board.name(motion.getMoverId()), motion.getSeconderId().map(board::name).orElse("-")));
            motion.getAmendsId().ifPresent(amended -> text.append(line(language, "minutes.amends",
                    String.valueOf(motions.motion(meeting.getId(), amended).getPosition()))));
            if (motion.isDecided() && motion.getBallotOutcome().isPresent()) {
                text.append(line(language, "minutes.ballot." + motion.getBallotOutcome().get(),
                        String.valueOf(motion.getVotesFor().orElse(0)),
                        String.valueOf(motion.getVotesAgainst().orElse(0)),
                        String.valueOf(motion.getAbstentions().orElse(0)), motion.getResolutionNumber().orElse("")));
            } else if (motion.isOnBallot()) {
                text.append(line(language, "minutes.ballot.open", motion.getBallotClosesAt().orElseThrow()
                        .atZoneSameInstant(zone).toLocalDateTime().format(DateTimeFormatter.ofPattern(
                                "yyyy-MM-dd HH:mm")) + " (" + zone + ")"));
            } else if (motion.isDecided()) {
                text.append(line(language, motion.getCarried().orElse(false) ? "minutes.carried" : "minutes.defeated",
                        String.valueOf(motion.getVotesFor().orElse(0)),
                        String.valueOf(motion.getVotesAgainst().orElse(0)),
                        String.valueOf(motion.getAbstentions().orElse(0)), motion.getResolutionNumber().orElse("")));
            } else {
                text.append(line(language, "minutes.undecided"));
            }
        }
        meeting.getAdjournedAt().ifPresent(at -> text.append("\n").append(line(language, "minutes.adjourned",
                at.atZoneSameInstant(zone).toLocalTime().format(time))));
        return text.toString().strip();
    }

    private List<Attendance.Present> attendedInOrder(UUID meetingId) {
        // Everyone who attended at any point, with how they first came.
        Map<UUID, Attendance.Present> everyone = new java.util.LinkedHashMap<>();
        for (Object[] row : Meetings.rows(entityManager.createNativeQuery("SELECT account_id, mode, proxy_id FROM"
                + " governance.attendance_event WHERE meeting_id = ?1 AND mode <> 'left' ORDER BY id")
                .setParameter(1, meetingId).getResultList())) {
            everyone.putIfAbsent((UUID) row[0], new Attendance.Present((UUID) row[0],
                    Attendance.Mode.of((String) row[1]).orElseThrow(), Optional.ofNullable((UUID) row[2])));
        }
        return List.copyOf(everyone.values());
    }

    private Minutes existing(UUID meetingId) {
        Minutes minutes = entityManager.find(Minutes.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (minutes == null) {
            throw new Refusal("no-minutes", Response.Status.NOT_FOUND);
        }
        return minutes;
    }

    private static void refuseIfLocked(Minutes minutes) {
        if (minutes.isApproved()) {
            throw new Refusal("minutes-locked", Response.Status.CONFLICT,
                    minutes.getApprovedAt().map(OffsetDateTime::toLocalDate).map(Object::toString).orElse(""));
        }
    }

    private String line(Language language, String key, Object... arguments) {
        return messages.get(language, key, arguments) + "\n";
    }

    private String word(Language language, String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }
}
