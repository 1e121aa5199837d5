package org.herdbook.web.meetings.boundary;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.meetings.control.Attendance;
import org.herdbook.web.meetings.control.Meetings;
import org.herdbook.web.meetings.control.MinutesBook;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.meetings.entity.Minutes;
import org.herdbook.web.meetings.entity.Motion;

/** What the meetings API answers. */
public final class MeetingViews {

    private MeetingViews() {
    }

    public record Summary(UUID id, String kind, String titleEn, String titleFr, LocalDate heldOn, LocalTime startsAt,
            String location, LocalDate recordDate, OffsetDateTime noticeSentAt, OffsetDateTime calledToOrderAt,
            OffsetDateTime adjournedAt) {
        public static Summary of(Meeting meeting) {
            return new Summary(meeting.getId(), meeting.getKind().code(), meeting.getTitleEn(), meeting.getTitleFr(),
                    meeting.getHeldOn(), meeting.getStartsAt(), meeting.getLocation(), meeting.getRecordDate(),
                    meeting.getNoticeSentAt().orElse(null), meeting.getCalledToOrderAt().orElse(null),
                    meeting.getAdjournedAt().orElse(null));
        }
    }

    public record QuorumRuleView(String kind, int value) {
    }

    public record PresentView(UUID accountId, String name, String mode, UUID proxyHolder) {
    }

    /**
     * A motion. {@code decidedBy} {@code ballot} with {@code ballotId} and {@code ballotClosesAt}: put
     * to an online ballot; once counted, {@code ballotOutcome} is {@code adopted}, {@code rejected}
     * or {@code no-quorum}.
     */
    public record MotionView(UUID id, int position, String kind, String textEn, String textFr, UUID moverId,
            UUID seconderId, UUID amendsId, UUID correctsMinutesOf, String decidedBy, UUID ballotId, Integer votesFor,
            Integer votesAgainst, Integer abstentions, Boolean carried, String resolutionNumber,
            OffsetDateTime ballotClosesAt, String ballotOutcome) {
        public static MotionView of(Motion motion) {
            return new MotionView(motion.getId(), motion.getPosition(), motion.getThreshold().code(),
                    motion.getTextEn(), motion.getTextFr(), motion.getMoverId(), motion.getSeconderId().orElse(null),
                    motion.getAmendsId().orElse(null), motion.getCorrectsMinutesOf().orElse(null),
                    motion.getDecidedBy().orElse(null), motion.getBallotId().orElse(null),
                    motion.getVotesFor().orElse(null), motion.getVotesAgainst().orElse(null),
                    motion.getAbstentions().orElse(null), motion.getCarried().orElse(null),
                    motion.getResolutionNumber().orElse(null), motion.getBallotClosesAt().orElse(null),
                    motion.getBallotOutcome().orElse(null));
        }
    }

    public record MinutesView(String status, String bodyEn, String bodyFr, OffsetDateTime editedAt,
            OffsetDateTime approvedAt, UUID approvedAtMeeting, List<MinutesBook.Correction> corrections) {
        public static MinutesView of(Minutes minutes, List<MinutesBook.Correction> corrections) {
            return new MinutesView(minutes.isApproved() ? "approved" : "draft", minutes.getBodyEn(),
                    minutes.getBodyFr(), minutes.getEditedAt(), minutes.getApprovedAt().orElse(null),
                    minutes.getApprovedAtMeeting().orElse(null), corrections);
        }
    }

    /** The whole record of a meeting. */
    public record Record(Summary meeting, QuorumRuleView quorumRule, boolean proxiesAllowed, int entitled,
            int noticesSent, Attendance.QuorumNow quorum, List<Attendance.QuorumEvent> quorumEvents,
            List<PresentView> present, List<Meetings.AgendaItem> agenda, List<Meetings.Document> documents,
            List<MotionView> motions, MinutesView minutes) {
    }
}
