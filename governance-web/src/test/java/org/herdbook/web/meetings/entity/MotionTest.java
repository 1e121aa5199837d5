package org.herdbook.web.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.herdbook.web.meetings.control.Threshold;
import org.junit.jupiter.api.Test;

class MotionTest {

    private static final UUID MEETING = UUID.fromString("5b0c2f3e-7a61-4d0e-9c55-3f1e6a2d8b01");
    private static final UUID MOVER = UUID.fromString("0f6d2c1a-93b4-4e8f-a1d7-6c5b4a392817");
    private static final UUID SECONDER = UUID.fromString("9e8d7c6b-5a49-4382-b1a0-f0e1d2c3b4a5");
    private static final UUID BALLOT = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final Instant CLOSES = Instant.parse("2026-12-08T14:00:00Z");

    private static Motion special() {
        return new Motion(MEETING, 1, Threshold.SPECIAL, "Amend article 4", "Modifier l’article 4", MOVER, SECONDER,
                null, null, MOVER);
    }

    @Test
    void aMotionPutToABallotIsMarkedAsDecidedByItButNotYetDecided() {
        Motion motion = special();
        motion.putToBallot(BALLOT, CLOSES);
        assertThat(motion.getDecidedBy()).contains(Motion.BALLOT);
        assertThat(motion.getBallotId()).contains(BALLOT);
        assertThat(motion.getBallotClosesAt()).hasValueSatisfying(at -> assertThat(at.toInstant()).isEqualTo(CLOSES));
        assertThat(motion.isOnBallot()).isTrue();
        assertThat(motion.isDecided()).isFalse();
        assertThatThrownBy(() -> motion.decideByShowOfHands(3, 0, 0, "2026-001"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(motion.getCarried()).isEmpty();
        assertThatThrownBy(() -> motion.putToBallot(UUID.randomUUID(), CLOSES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAdoptedBallotCarriesTheMotionWithItsCountsAndNumber() {
        Motion motion = special();
        motion.putToBallot(BALLOT, CLOSES);
        motion.decideByBallot(2, 1, 1, "adopted", "2026-004");
        assertThat(motion.isDecided()).isTrue();
        assertThat(motion.getCarried()).contains(true);
        assertThat(motion.getVotesFor()).contains(2);
        assertThat(motion.getVotesAgainst()).contains(1);
        assertThat(motion.getAbstentions()).contains(1);
        assertThat(motion.getBallotOutcome()).contains("adopted");
        assertThat(motion.getResolutionNumber()).contains("2026-004");
        assertThatThrownBy(() -> motion.decideByBallot(3, 0, 0, "adopted", "2026-005"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(motion.getVotesFor()).contains(2);
    }

    @Test
    void aBallotWithoutQuorumDoesNotCarryEvenWithOnlyVotesFor() {
        Motion motion = special();
        motion.putToBallot(BALLOT, CLOSES);
        motion.decideByBallot(1, 0, 0, "no-quorum", "2026-009");
        assertThat(motion.getCarried()).contains(false);
        assertThat(motion.getBallotOutcome()).contains("no-quorum");
        assertThat(motion.getResolutionNumber()).isEmpty();
        assertThat(motion.getVotesFor()).contains(1);
    }

    @Test
    void onlyAMotionPutToABallotIsDecidedByOne() {
        Motion motion = special();
        assertThatThrownBy(() -> motion.decideByBallot(2, 1, 0, "adopted", "2026-001"))
                .isInstanceOf(IllegalStateException.class);
        motion.decideByShowOfHands(2, 1, 0, "2026-001");
        assertThatThrownBy(() -> motion.putToBallot(BALLOT, CLOSES)).isInstanceOf(IllegalStateException.class);
        assertThat(motion.getBallotId()).isEmpty();
    }
}
