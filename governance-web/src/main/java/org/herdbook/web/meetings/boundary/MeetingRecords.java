package org.herdbook.web.meetings.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.board.control.Board;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.meetings.control.Attendance;
import org.herdbook.web.meetings.control.Meetings;
import org.herdbook.web.meetings.control.MinutesBook;
import org.herdbook.web.meetings.control.MinutesPdf;
import org.herdbook.web.meetings.control.Motions;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.meetings.entity.Minutes;

/** A meeting's whole record, and its minutes as a PDF. */
@ApplicationScoped
public class MeetingRecords {

    @Inject
    Meetings meetings;
    @Inject
    Attendance attendance;
    @Inject
    Motions motions;
    @Inject
    MinutesBook minutesBook;
    @Inject
    Board board;
    @Inject
    Messages messages;

    /**
     * In its own transaction: a page reads the record again after an action, and outside a
     * transaction the request's persistence context would hand back the meeting as it was read
     * before the action.
     */
    @Transactional
    public MeetingViews.Record record(UUID meetingId) {
        Meeting meeting = meetings.meeting(meetingId);
        List<MeetingViews.PresentView> present = attendance.present(meetingId).values().stream()
                .map(person -> new MeetingViews.PresentView(person.accountId(), board.name(person.accountId()),
                        person.mode().code(), person.proxyHolder().orElse(null)))
                .toList();
        MeetingViews.MinutesView minutes = minutesBook.of(meetingId)
                .map(found -> MeetingViews.MinutesView.of(found, minutesBook.corrections(meetingId))).orElse(null);
        return new MeetingViews.Record(MeetingViews.Summary.of(meeting),
                new MeetingViews.QuorumRuleView(meeting.getQuorum().kind().code(), meeting.getQuorum().value()),
                meeting.isProxiesAllowed(), meeting.getEntitledCount(), meetings.notices(meetingId).size(),
                attendance.quorum(meeting), attendance.events(meetingId), present, meetings.agenda(meetingId),
                meetings.documents(meetingId),
                motions.of(meetingId).stream().map(MeetingViews.MotionView::of).toList(), minutes);
    }

    /**
     * The minutes as a bilingual PDF: English, then French, corrections carried by later motions
     * after each text.
     *
     * @throws Refusal {@code no-minutes} (404) before they are drafted
     */
    public byte[] pdf(UUID meetingId) {
        Meeting meeting = meetings.meeting(meetingId);
        Minutes minutes = minutesBook.of(meetingId).orElseThrow(() -> new Refusal("no-minutes",
                Response.Status.NOT_FOUND));
        List<MinutesBook.Correction> corrections = minutesBook.corrections(meetingId);
        List<MinutesPdf.Part> parts = new ArrayList<>();
        for (Language language : List.of(Language.ENGLISH, Language.FRENCH)) {
            StringBuilder text = new StringBuilder(language == Language.FRENCH ? minutes.getBodyFr()
                    : minutes.getBodyEn());
            text.append("\n\n").append(minutes.isApproved()
                    ? messages.get(language, "minutes.status.approved",
                            minutes.getApprovedAt().orElseThrow().toLocalDate().toString())
                    : messages.get(language, "minutes.status.draft"));
            for (MinutesBook.Correction correction : corrections) {
                text.append("\n").append(messages.get(language, "minutes.correction", correction.resolutionNumber(),
                        language == Language.FRENCH ? correction.textFr() : correction.textEn()));
            }
            parts.add(new MinutesPdf.Part(messages.get(language, "minutes.pdf.heading", meeting.title(language),
                    meeting.getHeldOn().toString()), text.toString()));
        }
        return MinutesPdf.render(meeting.getTitleEn() + " / " + meeting.getTitleFr(), parts);
    }
}
