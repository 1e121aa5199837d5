package org.herdbook.web.ballots.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.ballots.manifest.entity.BallotOption;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.LocalizedText;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.Threshold;
import org.herdbook.ballots.records.entity.StoredResult;
import org.junit.jupiter.api.Test;

class MotionBallotsTest {

    private static final UUID SECRETARY = UUID.fromString("8a1f7c52-2b0e-4f57-9d4c-1f0e1e2a7b10");
    private static final Instant OPENS = Instant.parse("2026-12-01T14:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-08T14:00:00Z");

    /** Records what the motion service asks of the ballot box, without a database. */
    private static final class RecordingBox extends BallotBox {
        final List<Definition> drafted = new ArrayList<>();
        final List<UUID> opened = new ArrayList<>();
        final UUID id = UUID.randomUUID();
        Map<String, Object> tally;

        @Override
        public UUID draft(Definition definition, UUID actor) {
            assertThat(actor).isEqualTo(SECRETARY);
            drafted.add(definition);
            return id;
        }

        @Override
        public org.herdbook.ballots.records.entity.StoredBallot open(UUID ballotId, UUID actor) {
            opened.add(ballotId);
            return null;
        }

        @Override
        public org.herdbook.ballots.records.entity.StoredBallot ballot(UUID ballotId) {
            return new org.herdbook.ballots.records.entity.StoredBallot(ballotId, UUID.randomUUID(),
                    java.net.URI.create("https://herdbook.example/ballots/" + ballotId),
                    tally == null ? org.herdbook.ballots.records.entity.StoredBallot.State.OPEN
                            : org.herdbook.ballots.records.entity.StoredBallot.State.CLOSED,
                    "yes-no-abstain", OPENS, CLOSES, LocalDate.parse("2026-11-30"), "{}", "hash", 40L, 0,
                    org.herdbook.ballots.log.control.MerkleFrontier.empty(), OPENS, null);
        }

        @Override
        public Optional<StoredResult> result(UUID ballotId) {
            return tally == null ? Optional.empty()
                    : Optional.of(new StoredResult("{}", "result.jws.signature", "{}", 30, "root", CLOSES));
        }

        @Override
        public Optional<Map<String, Object>> tally(UUID ballotId) {
            return Optional.ofNullable(tally);
        }
    }

    private static MotionBallots service(RecordingBox box) {
        MotionBallots motions = new MotionBallots();
        motions.ballots = box;
        return motions;
    }

    private static MotionBallots.Motion motion(MotionBallots.Resolution resolution) {
        return new MotionBallots.Motion(new LocalizedText("Amend the bylaws", "Modifier les statuts"),
                new LocalizedText("Article 4 reads…", "L’article 4 se lit…"), resolution,
                new Quorum.PercentOfRoll(new BigDecimal("10")), OPENS, CLOSES, LocalDate.parse("2026-11-30"));
    }

    @Test
    void aSpecialResolutionIsOpenedAsAYesNoAbstainBallotWithTheTwoThirdsThreshold() {
        RecordingBox box = new RecordingBox();
        UUID id = service(box).open(motion(MotionBallots.Resolution.SPECIAL), SECRETARY);
        assertThat(id).isEqualTo(box.id);
        assertThat(box.opened).containsExactly(box.id);
        BallotBox.Definition definition = box.drafted.get(0);
        assertThat(definition.method()).isEqualTo(new CountingMethod.YesNoAbstain(
                new Quorum.PercentOfRoll(new BigDecimal("10")), Threshold.TWO_THIRDS));
        assertThat(definition.options()).extracting(BallotOption::id).containsExactly("yes", "no", "abstain");
        assertThat(definition.proposal().title().fr()).isEqualTo("Modifier les statuts");
        assertThat(definition.opens()).isEqualTo(OPENS);
        assertThat(definition.recordDate()).isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void anOrdinaryResolutionNeedsAMajority() {
        RecordingBox box = new RecordingBox();
        service(box).open(motion(MotionBallots.Resolution.ORDINARY), SECRETARY);
        assertThat(((CountingMethod.YesNoAbstain) box.drafted.get(0).method()).threshold()).isEqualTo(Threshold.MAJORITY);
    }

    @Test
    void theResultIsEmptyWhileOpenAndCarriesTheCountOnceClosed() {
        RecordingBox box = new RecordingBox();
        MotionBallots motions = service(box);
        assertThat(motions.result(box.id).counted()).isEmpty();
        box.tally = Map.of("yes", 20L, "no", 8L, "abstain", 2L, "quorumRequired", 4L, "quorumMet", true,
                "outcome", "adopted");
        MotionBallots.MotionResult result = motions.result(box.id);
        assertThat(result.rollSize()).isEqualTo(40L);
        assertThat(result.counted()).contains(new MotionBallots.Counted(20, 8, 2, 4, true, "adopted",
                "result.jws.signature"));
    }

    @Test
    void aTallyWithoutQuorumReadsAsNoQuorumWithItsCounts() {
        MotionBallots.Counted counted = MotionBallots.counted(Map.of("yes", 1L, "no", 0L, "abstain", 0L,
                "quorumRequired", 3L, "quorumMet", false, "outcome", "no-quorum"), null);
        assertThat(counted).isEqualTo(new MotionBallots.Counted(1, 0, 0, 3, false, "no-quorum", null));
    }
}
