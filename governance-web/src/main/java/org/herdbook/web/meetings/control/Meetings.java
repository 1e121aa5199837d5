package org.herdbook.web.meetings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.board.control.Board;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.mail.control.Letter;
import org.herdbook.web.mail.control.Letters;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.meetings.entity.MeetingKind;
import org.herdbook.web.membership.control.Memberships;

/**
 * Meetings are scheduled, noticed, given an agenda and documents here. A general meeting is only
 * scheduled while its notice can still be given inside the bylaws' window, and only when someone
 * is eligible to attend on its record date; notice goes to every member eligible on the record
 * date, in each one's language, and who was sent what, when, is recorded.
 */
@ApplicationScoped
public class Meetings {

    /** What a secretary asks for when scheduling. A missing record date means today. */
    public record Schedule(String kind, String titleEn, String titleFr, LocalDate heldOn, LocalTime startsAt,
            String location, LocalDate recordDate) {
    }

    /** An agenda item. */
    public record AgendaItem(UUID id, int position, String titleEn, String titleFr) {
        public String title(Language language) {
            return language == Language.FRENCH ? titleFr : titleEn;
        }
    }

    /** A document laid before the meeting, without its content. */
    public record Document(UUID id, String fileName, String mediaType, long size) {
    }

    /** A document with its content. */
    public record DocumentContent(String fileName, String mediaType, byte[] content) {
    }

    /** A notice as recorded: to whom, in which language, which subject, when. */
    public record NoticeSent(UUID accountId, String language, String subject, java.time.OffsetDateTime sentAt) {
    }

    /** Largest document a meeting accepts (the database refuses more too). */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Memberships memberships;
    @Inject
    Board board;
    @Inject
    Letters letters;
    @Inject
    AuditLog audit;

    public Foundation foundation() {
        return memberships.foundation();
    }

    public NoticeWindow noticeWindow() {
        Foundation foundation = foundation();
        return new NoticeWindow(foundation.getNoticeMinDays(), foundation.getNoticeMaxDays());
    }

    /**
     * Schedules a meeting.
     *
     * @throws InvalidInput for missing or malformed fields
     * @throws Refusal {@code notice-too-late} (409) when notice of a general meeting can no longer
     *     be given inside the window, {@code meeting-in-the-past} (409), {@code no-eligible-members}
     *     (409) when nobody is eligible on the record date, {@code no-directors} (409) for a board
     *     meeting on a day with no director in office
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Meeting schedule(Schedule wanted, UUID actor) {
        Foundation foundation = foundation();
        LocalDate today = foundation.today();
        List<String> problems = new ArrayList<>();
        Optional<MeetingKind> kind = MeetingKind.of(wanted.kind());
        if (kind.isEmpty()) {
            problems.add("validation.meeting-kind.invalid");
        }
        problems.addAll(Texts.bilingual(wanted.titleEn(), wanted.titleFr(), 200, "validation.meeting-title.invalid"));
        if (wanted.heldOn() == null || wanted.startsAt() == null) {
            problems.add("validation.meeting-when.required");
        }
        if (wanted.location() != null && wanted.location().length() > 300) {
            problems.add("validation.meeting-location.invalid");
        }
        LocalDate recordDate = wanted.recordDate() == null ? today : wanted.recordDate();
        if (wanted.heldOn() != null && recordDate.isAfter(wanted.heldOn())) {
            problems.add("validation.record-date.after-meeting");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        if (wanted.heldOn().isBefore(today)) {
            throw new Refusal("meeting-in-the-past", Response.Status.CONFLICT, today.toString());
        }
        Meeting meeting;
        if (kind.get().isGeneral()) {
            NoticeWindow window = noticeWindow();
            if (!window.canStillBeGiven(today, wanted.heldOn())) {
                throw new Refusal("notice-too-late", Response.Status.CONFLICT,
                        window.lastDay(wanted.heldOn()).toString(), window.minDays());
            }
            int eligible = memberships.eligibleOn(recordDate).size();
            if (eligible == 0) {
                throw new Refusal("no-eligible-members", Response.Status.CONFLICT, recordDate.toString());
            }
            meeting = new Meeting(kind.get(), wanted.titleEn().strip(), wanted.titleFr().strip(), wanted.heldOn(),
                    wanted.startsAt(), location(wanted), recordDate,
                    new QuorumRule(QuorumRule.Kind.of(foundation.getMemberQuorumKind()),
                            foundation.getMemberQuorumValue()), foundation.isProxiesAllowed(), eligible, actor);
        } else {
            int directors = board.on(wanted.heldOn()).size();
            if (directors == 0) {
                throw new Refusal("no-directors", Response.Status.CONFLICT, wanted.heldOn().toString());
            }
            meeting = new Meeting(kind.get(), wanted.titleEn().strip(), wanted.titleFr().strip(), wanted.heldOn(),
                    wanted.startsAt(), location(wanted), wanted.heldOn(),
                    new QuorumRule(QuorumRule.Kind.of(foundation.getBoardQuorumKind()),
                            foundation.getBoardQuorumValue()), false, directors, actor);
        }
        entityManager.persist(meeting);
        audit.record(actor, AuditLog.Action.MEETING_SCHEDULED, null, meeting.getKind().code() + " " + meeting.getId()
                + " on " + meeting.getHeldOn() + ", record date " + meeting.getRecordDate());
        return meeting;
    }

    public Meeting meeting(UUID id) {
        Meeting meeting = id == null ? null : entityManager.find(Meeting.class, id);
        if (meeting == null) {
            throw new Refusal("no-such-meeting", Response.Status.NOT_FOUND);
        }
        return meeting;
    }

    Meeting locked(UUID id) {
        Meeting meeting = meeting(id);
        entityManager.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(meeting);
        return meeting;
    }

    public List<Meeting> all() {
        return entityManager.createQuery("SELECT m FROM Meeting m ORDER BY m.heldOn DESC, m.startsAt DESC",
                Meeting.class).getResultList();
    }

    /** The accounts entitled to attend: members eligible on the record date, or directors on the day. */
    public List<UUID> entitled(Meeting meeting) {
        if (meeting.getKind().isGeneral()) {
            return memberships.eligibleOn(meeting.getRecordDate());
        }
        return board.on(meeting.getHeldOn()).stream().map(Board.Seat::accountId).toList();
    }

    public boolean isEntitled(Meeting meeting, UUID account) {
        if (meeting.getKind().isGeneral()) {
            return memberships.eligibility(account, meeting.getRecordDate()).eligible();
        }
        return board.isDirectorOn(account, meeting.getHeldOn());
    }

    /**
     * Sends the notice: to every member eligible on the record date (directors for a board meeting),
     * each in their language, recorded one line per recipient.
     *
     * @throws Refusal {@code notice-already-sent}, {@code notice-too-early}, {@code notice-too-late}
     *     (409) outside the bylaws' window, {@code no-eligible-members} (409)
     * @return how many were sent notice
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sendNotice(UUID meetingId, UUID actor) {
        Meeting meeting = locked(meetingId);
        if (meeting.getNoticeSentAt().isPresent()) {
            throw new Refusal("notice-already-sent", Response.Status.CONFLICT);
        }
        LocalDate today = foundation().today();
        if (meeting.getKind().isGeneral()) {
            NoticeWindow window = noticeWindow();
            switch (window.on(today, meeting.getHeldOn())) {
                case TOO_EARLY -> throw new Refusal("notice-too-early", Response.Status.CONFLICT,
                        window.firstDay(meeting.getHeldOn()).toString(), window.maxDays());
                case TOO_LATE -> throw new Refusal("notice-too-late", Response.Status.CONFLICT,
                        window.lastDay(meeting.getHeldOn()).toString(), window.minDays());
                case OPEN -> {
                }
            }
        }
        List<UUID> recipients = entitled(meeting);
        if (recipients.isEmpty()) {
            throw new Refusal(meeting.getKind().isGeneral() ? "no-eligible-members" : "no-directors",
                    Response.Status.CONFLICT, meeting.getRecordDate().toString());
        }
        List<AgendaItem> agenda = agenda(meetingId);
        int sent = 0;
        for (UUID recipient : recipients) {
            Account account = entityManager.find(Account.class, recipient);
            if (account == null || account.isClosed()) {
                continue;
            }
            Language language = account.getPreferredLanguage();
            String agendaText = agenda.isEmpty() ? "-" : agenda.stream()
                    .map(item -> item.position() + ". " + item.title(language)).collect(Collectors.joining("\n"));
            Letter letter = letters.post(account, "meeting-notice." + meeting.getKind().code(),
                    meeting.title(language), meeting.getHeldOn().toString(), meeting.getStartsAt().toString(),
                    meeting.getLocation(), meeting.getRecordDate().toString(), agendaText);
            entityManager.createNativeQuery("INSERT INTO governance.meeting_notice (meeting_id, account_id, language,"
                    + " subject) VALUES (?1, ?2, ?3, ?4)").setParameter(1, meeting.getId()).setParameter(2, recipient)
                    .setParameter(3, language.tag()).setParameter(4, letter.subject()).executeUpdate();
            sent++;
        }
        meeting.noticeSent(recipients.size());
        audit.record(actor, AuditLog.Action.MEETING_NOTICE_SENT, null, "meeting " + meeting.getId() + ": " + sent
                + " notices");
        return sent;
    }

    public List<NoticeSent> notices(UUID meetingId) {
        List<NoticeSent> notices = new ArrayList<>();
        for (Object[] row : rows(entityManager.createNativeQuery("SELECT account_id, language, subject, sent_at FROM"
                + " governance.meeting_notice WHERE meeting_id = ?1 ORDER BY id").setParameter(1, meetingId)
                .getResultList())) {
            notices.add(new NoticeSent((UUID) row[0], (String) row[1], (String) row[2], Sql.instant(row[3])));
        }
        return notices;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AgendaItem addAgendaItem(UUID meetingId, String titleEn, String titleFr) {
        InvalidInput.refuseUnlessEmpty(Texts.bilingual(titleEn, titleFr, 300, "validation.agenda-item.invalid"));
        Meeting meeting = locked(meetingId);
        if (meeting.getAdjournedAt().isPresent()) {
            throw new Refusal("meeting-adjourned", Response.Status.CONFLICT);
        }
        int position = agenda(meetingId).size() + 1;
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO governance.agenda_item (id, meeting_id, position, title_en,"
                + " title_fr) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, id).setParameter(2, meetingId)
                .setParameter(3, position).setParameter(4, titleEn.strip()).setParameter(5, titleFr.strip())
                .executeUpdate();
        return new AgendaItem(id, position, titleEn.strip(), titleFr.strip());
    }

    public List<AgendaItem> agenda(UUID meetingId) {
        List<AgendaItem> items = new ArrayList<>();
        for (Object[] row : rows(entityManager.createNativeQuery("SELECT id, position, title_en, title_fr FROM"
                + " governance.agenda_item WHERE meeting_id = ?1 ORDER BY position").setParameter(1, meetingId)
                .getResultList())) {
            items.add(new AgendaItem((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
        }
        return items;
    }

    /**
     * Attaches a document.
     *
     * @throws InvalidInput for a missing name, an empty file or one over {@link #MAX_DOCUMENT_BYTES}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Document attach(UUID meetingId, String fileName, String mediaType, byte[] content, UUID actor) {
        List<String> problems = new ArrayList<>();
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}/\\\\\"]", "").strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add("validation.document-name.invalid");
        }
        if (content == null || content.length == 0) {
            problems.add("validation.document.empty");
        } else if (content.length > MAX_DOCUMENT_BYTES) {
            problems.add("validation.document.too-large");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        String type = mediaType == null || !mediaType.matches("[\\w.+-]+/[\\w.+-]+") ? "application/octet-stream"
                : mediaType;
        locked(meetingId);
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("INSERT INTO governance.meeting_document (id, meeting_id, file_name,"
                + " media_type, content, sha256, uploaded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, meetingId).setParameter(3, name).setParameter(4, type)
                .setParameter(5, content).setParameter(6, sha256(content)).setParameter(7, actor).executeUpdate();
        return new Document(id, name, type, content.length);
    }

    public List<Document> documents(UUID meetingId) {
        List<Document> documents = new ArrayList<>();
        for (Object[] row : rows(entityManager.createNativeQuery("SELECT id, file_name, media_type, length(content)"
                + " FROM governance.meeting_document WHERE meeting_id = ?1 ORDER BY uploaded_at, id")
                .setParameter(1, meetingId).getResultList())) {
            documents.add(new Document((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()));
        }
        return documents;
    }

    public DocumentContent document(UUID meetingId, UUID documentId) {
        List<Object[]> found = rows(entityManager.createNativeQuery("SELECT file_name, media_type, content FROM"
                + " governance.meeting_document WHERE meeting_id = ?1 AND id = ?2").setParameter(1, meetingId)
                .setParameter(2, documentId).getResultList());
        if (found.isEmpty()) {
            throw new Refusal("no-such-document", Response.Status.NOT_FOUND);
        }
        return new DocumentContent((String) found.get(0)[0], (String) found.get(0)[1], (byte[]) found.get(0)[2]);
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static String location(Schedule wanted) {
        return wanted.location() == null ? "" : wanted.location().strip();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
