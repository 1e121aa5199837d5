package org.herdbook.web.meetings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.ballots.manifest.entity.LocalizedText;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.ballots.control.BallotCounted;
import org.herdbook.web.ballots.control.MotionBallots;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.meetings.entity.Minutes;
import org.herdbook.web.meetings.entity.Motion;

/**
 * Motions put to a meeting and their outcomes. A motion is moved and seconded by two different
 * people present at the meeting, and decided once while the meeting has its quorum; the counts of
 * a show of hands can never exceed the attendance. A motion of a general meeting may instead be put
 * to an online ballot of the members; it is then decided from that ballot's signed count in the
 * transaction that closes the ballot ({@link #decideFromBallot}), and never by show of hands. A
 * carried motion is numbered in the resolutions register ({@code YYYY-NNN}, by the year of the
 * meeting).
 */
@ApplicationScoped
public class Motions {

    /** A motion as proposed. */
    public record Proposal(String kind, String textEn, String textFr, UUID moverId, UUID seconderId, UUID amendsId,
            UUID correctsMinutesOf) {
    }

    /** A line of the resolutions register. */
    public record Resolution(String number, UUID motionId, UUID meetingId, String meetingTitleEn,
            String meetingTitleFr, LocalDate heldOn, String kind, String textEn, String textFr, int votesFor,
            int votesAgainst, int abstentions) {
    }

    private static final long REGISTER_LOCK = 0x4842_5245_534f_4c01L;

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Meetings meetings;
    @Inject
    Attendance attendance;
    @Inject
    AuditLog audit;
    @Inject
    MotionBallots ballots;
    @Inject
    Messages messages;

    /**
     * Puts a motion to the meeting.
     *
     * @throws InvalidInput for missing texts or kind, a missing seconder, a seconder who is the mover
     * @throws Refusal {@code meeting-not-in-session}, {@code mover-not-present},
     *     {@code seconder-not-present}, {@code amended-motion-invalid}, {@code minutes-to-correct-invalid}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Motion propose(UUID meetingId, Proposal proposal, UUID actor) {
        List<String> problems = new ArrayList<>();
        Threshold threshold = null;
        try {
            threshold = Threshold.of(proposal.kind());
        } catch (IllegalArgumentException e) {
            problems.add("validation.motion-kind.invalid");
        }
        problems.addAll(Texts.bilingual(proposal.textEn(), proposal.textFr(), 4000, "validation.motion-text.invalid"));
        if (proposal.moverId() == null) {
            problems.add("validation.mover.required");
        }
        if (proposal.seconderId() == null) {
            problems.add("validation.seconder.required");
        } else if (proposal.seconderId().equals(proposal.moverId())) {
            problems.add("validation.seconder.is-mover");
        }
        InvalidInput.refuseUnlessEmpty(problems);
        Meeting meeting = meetings.locked(meetingId);
        if (!meeting.isInSession()) {
            throw new Refusal("meeting-not-in-session", Response.Status.CONFLICT);
        }
        Map<UUID, Attendance.Present> present = attendance.present(meetingId);
        if (!inPerson(present, proposal.moverId())) {
            throw new Refusal("mover-not-present", Response.Status.CONFLICT);
        }
        if (!inPerson(present, proposal.seconderId())) {
            throw new Refusal("seconder-not-present", Response.Status.CONFLICT);
        }
        if (proposal.amendsId() != null) {
            Motion amended = entityManager.find(Motion.class, proposal.amendsId());
            if (amended == null || !amended.getMeetingId().equals(meetingId) || amended.isDecided()) {
                throw new Refusal("amended-motion-invalid", Response.Status.CONFLICT);
            }
        }
        if (proposal.correctsMinutesOf() != null) {
            Minutes minutes = entityManager.find(Minutes.class, proposal.correctsMinutesOf());
            if (minutes == null || !minutes.isApproved()
                    || !meetings.meeting(proposal.correctsMinutesOf()).getHeldOn().isBefore(meeting.getHeldOn())) {
                throw new Refusal("minutes-to-correct-invalid", Response.Status.CONFLICT);
            }
        }
        Motion motion = new Motion(meetingId, of(meetingId).size() + 1, threshold, proposal.textEn().strip(),
                proposal.textFr().strip(), proposal.moverId(), proposal.seconderId(), proposal.amendsId(),
                proposal.correctsMinutesOf(), actor);
        entityManager.persist(motion);
        return motion;
    }

    /**
     * Records the show of hands on a motion and decides it by its threshold.
     *
     * @throws InvalidInput for missing or negative counts
     * @throws Refusal {@code no-such-motion} (404), {@code motion-already-decided},
     *     {@code motion-on-ballot} (a motion put to an online ballot), {@code meeting-not-in-session},
     *     {@code meeting-not-quorate} (409),
     *     {@code vote-count-exceeds-attendance} (400)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Motion recordResult(UUID meetingId, UUID motionId, Integer votesFor, Integer votesAgainst,
            Integer abstentions, UUID actor) {
        if (votesFor == null || votesAgainst == null || abstentions == null || votesFor < 0 || votesAgainst < 0
                || abstentions < 0) {
            throw new InvalidInput(List.of("validation.vote-counts.invalid"));
        }
        Meeting meeting = meetings.locked(meetingId);
        Motion motion = motion(meetingId, motionId);
        requireOpenInSession(meeting, motion);
        Attendance.QuorumNow quorum = attendance.quorum(meeting);
        if (!quorum.quorate()) {
            throw new Refusal("meeting-not-quorate", Response.Status.CONFLICT, quorum.present(), quorum.required());
        }
        long total = (long) votesFor + votesAgainst + abstentions;
        if (total > quorum.present()) {
            throw new Refusal("vote-count-exceeds-attendance", Response.Status.BAD_REQUEST, total, quorum.present());
        }
        String number = null;
        if (motion.getThreshold().carries(votesFor, votesAgainst)) {
            number = nextResolutionNumber(meeting.getHeldOn());
        }
        motion.decideByShowOfHands(votesFor, votesAgainst, abstentions, number);
        entityManager.flush();
        recordCorrection(motion, actor);
        audit.record(actor, AuditLog.Action.MOTION_DECIDED, null, "motion " + motion.getId() + " "
                + motion.getThreshold().code() + ": " + votesFor + " for, " + votesAgainst + " against, "
                + abstentions + " abstaining, " + (motion.getCarried().orElse(false) ? "carried " + number
                        : "defeated"));
        return motion;
    }

    /**
     * Puts an undecided motion of a general meeting in session to an online ballot of the members
     * eligible on the meeting's record date: yes/no/abstain, majority for an ordinary resolution
     * and two thirds for a special one, with the meeting's member quorum (a number of ballots or a
     * percentage of the roll). The ballot is opened and the motion marked as decided by it in the
     * caller's transaction: both or neither.
     *
     * @param opens first instant a vote is accepted; null for now
     * @param closes first instant a vote is refused, after {@code opens} and in the future
     * @throws InvalidInput {@code validation.ballot-closes.required}, {@code validation.ballot-closes.invalid}
     * @throws Refusal {@code no-such-motion} (404), {@code motion-ballot-needs-general-meeting},
     *     {@code motion-already-decided}, {@code motion-on-ballot}, {@code meeting-not-in-session} (409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Motion putToBallot(UUID meetingId, UUID motionId, Instant opens, Instant closes, UUID actor) {
        Instant now = Instant.now();
        Instant from = opens == null ? now : opens;
        if (closes == null) {
            throw new InvalidInput(List.of("validation.ballot-closes.required"));
        }
        if (!closes.isAfter(now) || !closes.isAfter(from)) {
            throw new InvalidInput(List.of("validation.ballot-closes.invalid"));
        }
        Meeting meeting = meetings.locked(meetingId);
        Motion motion = motion(meetingId, motionId);
        if (!meeting.getKind().isGeneral()) {
            throw new Refusal("motion-ballot-needs-general-meeting", Response.Status.CONFLICT);
        }
        requireOpenInSession(meeting, motion);
        UUID ballotId = ballots.open(new MotionBallots.Motion(
                new LocalizedText(ballotTitle(Language.ENGLISH, meeting, motion),
                        ballotTitle(Language.FRENCH, meeting, motion)),
                new LocalizedText(motion.getTextEn(), motion.getTextFr()),
                motion.getThreshold() == Threshold.SPECIAL ? MotionBallots.Resolution.SPECIAL
                        : MotionBallots.Resolution.ORDINARY,
                quorum(meeting.getQuorum()), from, closes, meeting.getRecordDate()), actor);
        motion.putToBallot(ballotId, closes);
        entityManager.flush();
        audit.record(actor, AuditLog.Action.MOTION_PUT_TO_BALLOT, null, "motion " + motion.getId() + " "
                + motion.getThreshold().code() + " to ballot " + ballotId + " closing " + closes);
        return motion;
    }

    /**
     * Decides the motion a ballot was opened from, if any, from the ballot's count, in the
     * transaction that closes the ballot. Idempotent: a motion already decided is left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decideFromBallot(@Observes BallotCounted counted) {
        List<Motion> found = entityManager.createQuery("SELECT m FROM Motion m WHERE m.ballotId = :ballot",
                Motion.class).setParameter("ballot", counted.ballotId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            return;
        }
        Motion motion = found.get(0);
        entityManager.refresh(motion);
        if (motion.isDecided()) {
            return;
        }
        MotionBallots.Counted count = MotionBallots.counted(counted.tally(), null);
        String number = null;
        if (Motion.ADOPTED.equals(count.outcome())) {
            number = nextResolutionNumber(meetings.meeting(motion.getMeetingId()).getHeldOn());
        }
        motion.decideByBallot(Math.toIntExact(count.yes()), Math.toIntExact(count.no()),
                Math.toIntExact(count.abstain()), count.outcome(), number);
        entityManager.flush();
        recordCorrection(motion, null);
        audit.record(null, AuditLog.Action.MOTION_DECIDED, null, "motion " + motion.getId() + " "
                + motion.getThreshold().code() + " by ballot " + counted.ballotId() + ": " + count.yes() + " yes, "
                + count.no() + " no, " + count.abstain() + " abstaining, " + count.outcome()
                + (number == null ? "" : ", carried " + number));
    }

    public List<Motion> of(UUID meetingId) {
        return entityManager.createQuery("SELECT m FROM Motion m WHERE m.meetingId = :meeting ORDER BY m.position",
                Motion.class).setParameter("meeting", meetingId).getResultList();
    }

    public Motion motion(UUID meetingId, UUID motionId) {
        Motion motion = motionId == null ? null : entityManager.find(Motion.class, motionId);
        if (motion == null || !motion.getMeetingId().equals(meetingId)) {
            throw new Refusal("no-such-motion", Response.Status.NOT_FOUND);
        }
        return motion;
    }

    /** Every carried motion across meetings, oldest first. */
    public List<Resolution> register() {
        List<Resolution> register = new ArrayList<>();
        for (Object[] row : entityManager.createQuery("SELECT m, g FROM Motion m, Meeting g WHERE g.id = m.meetingId"
                + " AND m.resolutionNumber IS NOT NULL ORDER BY m.resolutionNumber", Object[].class).getResultList()) {
            Motion motion = (Motion) row[0];
            Meeting meeting = (Meeting) row[1];
            register.add(new Resolution(motion.getResolutionNumber().orElseThrow(), motion.getId(), meeting.getId(),
                    meeting.getTitleEn(), meeting.getTitleFr(), meeting.getHeldOn(), motion.getThreshold().code(),
                    motion.getTextEn(), motion.getTextFr(), motion.getVotesFor().orElse(0),
                    motion.getVotesAgainst().orElse(0), motion.getAbstentions().orElse(0)));
        }
        return register;
    }

    private void recordCorrection(Motion motion, UUID actor) {
        if (motion.getCarried().orElse(false) && motion.getCorrectsMinutesOf().isPresent()) {
            entityManager.createNativeQuery("INSERT INTO governance.minutes_correction (meeting_id, motion_id)"
                    + " VALUES (?1, ?2)").setParameter(1, motion.getCorrectsMinutesOf().get())
                    .setParameter(2, motion.getId()).executeUpdate();
            audit.record(actor, AuditLog.Action.MINUTES_CORRECTED, null, "minutes of meeting "
                    + motion.getCorrectsMinutesOf().get() + " by motion " + motion.getId());
        }
    }

    private String ballotTitle(Language language, Meeting meeting, Motion motion) {
        return messages.get(language, "motion.ballot-title", String.valueOf(motion.getPosition()),
                meeting.title(language));
    }

    /** The meeting's quorum rule as a ballot quorum: a number of ballots, or a percentage of the roll. */
    static Quorum quorum(QuorumRule rule) {
        return rule.kind() == QuorumRule.Kind.NUMBER ? new Quorum.Count(rule.value())
                : new Quorum.PercentOfRoll(BigDecimal.valueOf(rule.value()));
    }

    private String nextResolutionNumber(LocalDate heldOn) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, REGISTER_LOCK)
                .getSingleResult();
        String prefix = Integer.toString(heldOn.getYear()) + "-";
        Number count = (Number) entityManager.createNativeQuery("SELECT count(*) FROM governance.motion"
                + " WHERE resolution_number LIKE ?1").setParameter(1, prefix + "%").getSingleResult();
        return prefix + String.format("%03d", count.intValue() + 1);
    }

    private static boolean inPerson(Map<UUID, Attendance.Present> present, UUID account) {
        return Optional.ofNullable(present.get(account)).filter(entry -> entry.mode().inPerson()).isPresent();
    }

    /** A motion still to decide by a show of hands or a ballot, at a meeting in session. */
    private static void requireOpenInSession(Meeting meeting, Motion motion) {
        if (motion.isDecided()) {
            throw new Refusal("motion-already-decided", Response.Status.CONFLICT);
        }
        if (motion.isOnBallot()) {
            throw new Refusal("motion-on-ballot", Response.Status.CONFLICT);
        }
        if (!meeting.isInSession()) {
            throw new Refusal("meeting-not-in-session", Response.Status.CONFLICT);
        }
    }
}
