package org.herdbook.web.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.junit.jupiter.api.Test;

class MotionBallotQuorumTest {

    @Test
    void aMeetingsNumberQuorumIsANumberOfBallots() {
        assertThat(Motions.quorum(QuorumRuleTest.THREE_PEOPLE)).isEqualTo(new Quorum.Count(3));
        assertThat(Motions.quorum(QuorumRuleTest.THREE_PEOPLE).required(1000)).isEqualTo(3);
    }

    @Test
    void aMeetingsPercentQuorumIsAPercentageOfTheRoll() {
        Quorum quorum = Motions.quorum(QuorumRuleTest.TEN_PERCENT);
        assertThat(quorum).isInstanceOf(Quorum.PercentOfRoll.class);
        assertThat(((Quorum.PercentOfRoll) quorum).percent()).isEqualByComparingTo(new BigDecimal("10"));
        assertThat(quorum.required(95)).isEqualTo(10);
    }
}
