package org.herdbook.web.ballots.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.ballots.manifest.entity.BallotOption;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.LocalizedText;
import org.herdbook.ballots.manifest.entity.Proposal;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.Threshold;
import org.herdbook.ballots.records.entity.StoredBallot;

/**
 * Member votes on board and general-meeting motions: a yes/no/abstain ballot per motion, opened at
 * once (roll frozen on the record date), closed and counted by the closing job. For the board and
 * AGM records, which keep only the ballot id and read the outcome here.
 */
@ApplicationScoped
public class MotionBallots {

    @Inject
    BallotBox ballots;

    /** Ordinary resolutions pass with a majority of the votes cast, special ones with two-thirds. */
    public enum Resolution {
        ORDINARY(Threshold.MAJORITY), SPECIAL(Threshold.TWO_THIRDS);

        private final Threshold threshold;

        Resolution(Threshold threshold) {
            this.threshold = threshold;
        }
    }

    /**
     * A motion put to the members.
     *
     * @param title short title, English and French
     * @param text the motion's text, English and French
     * @param resolution ordinary (majority) or special (two-thirds)
     * @param quorum ballots needed (abstentions count), e.g. {@code new Quorum.Count(10)} or
     *     {@code new Quorum.PercentOfRoll(new BigDecimal("10"))}
     * @param opens first instant a vote is accepted
     * @param closes first instant a vote is refused
     * @param recordDate whose members may vote (not after today)
     */
    public record Motion(LocalizedText title, LocalizedText text, Resolution resolution, Quorum quorum, Instant opens,
            Instant closes, LocalDate recordDate) {
        public Motion {
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(quorum, "quorum");
        }
    }

    /**
     * The outcome of a motion's ballot.
     *
     * @param state draft, open or closed
     * @param rollSize members on the roll (null before opening)
     * @param counted the tally once closed: yes, no, abstain, quorum, outcome
     */
    public record MotionResult(UUID ballotId, StoredBallot.State state, Long rollSize, Optional<Counted> counted) {
    }

    /** A closed motion's count; {@code outcome} is {@code adopted}, {@code rejected} or {@code no-quorum}. */
    public record Counted(long yes, long no, long abstain, long quorumRequired, boolean quorumMet, String outcome,
            String resultJws) {
    }

    /**
     * Opens a yes/no/abstain ballot on the motion, in the caller's transaction (or its own).
     *
     * @param actor the account opening it (a board member or the secretary)
     * @return the ballot's id
     * @throws org.herdbook.web.api.Refusal if the motion is invalid (blank text, closing in the past,
     *     record date in the future)
     */
    @Transactional
    public UUID open(Motion motion, UUID actor) {
        List<BallotOption> options = List.of(
                new BallotOption("yes", new LocalizedText("Yes", "Oui")),
                new BallotOption("no", new LocalizedText("No", "Non")),
                new BallotOption("abstain", new LocalizedText("Abstain", "Abstention")));
        UUID id = ballots.draft(new BallotBox.Definition(new Proposal(motion.title(), motion.text()), options,
                new CountingMethod.YesNoAbstain(motion.quorum(), motion.resolution().threshold), motion.opens(),
                motion.closes(), motion.recordDate()), actor);
        ballots.open(id, actor);
        return id;
    }

    /** @return the motion ballot's state and, once closed, its signed count */
    @Transactional
    public MotionResult result(UUID ballotId) {
        StoredBallot ballot = ballots.ballot(ballotId);
        Optional<Counted> counted = ballots.result(ballotId).flatMap(stored -> ballots.tally(ballotId).map(tally ->
                counted(tally, stored.resultJws())));
        return new MotionResult(ballotId, ballot.state(), ballot.rollSize(), counted);
    }

    /**
     * Reads a yes/no/abstain tally as the ballots module stores it.
     *
     * @param resultJws the signed result, or null where only the counts matter
     */
    public static Counted counted(Map<String, Object> tally, String resultJws) {
        return new Counted(number(tally, "yes"), number(tally, "no"), number(tally, "abstain"),
                number(tally, "quorumRequired"), Boolean.TRUE.equals(tally.get("quorumMet")),
                String.valueOf(tally.get("outcome")), resultJws);
    }

    private static long number(Map<String, Object> tally, String name) {
        return tally.get(name) instanceof Number n ? n.longValue() : 0;
    }
}
