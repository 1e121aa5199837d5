package org.herdbook.web.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void anOrdinaryResolutionNeedsMoreForThanAgainst() {
        assertThat(Threshold.ORDINARY.carries(6, 5)).isTrue();
        assertThat(Threshold.ORDINARY.carries(5, 5)).isFalse();
        assertThat(Threshold.ORDINARY.carries(1, 0)).isTrue();
    }

    @Test
    void aSpecialResolutionNeedsTwoThirdsOfTheVotesCast() {
        assertThat(Threshold.SPECIAL.carries(10, 5)).isTrue();
        assertThat(Threshold.SPECIAL.carries(9, 5)).isFalse();
        assertThat(Threshold.SPECIAL.carries(2, 1)).isTrue();
        assertThat(Threshold.SPECIAL.carries(6, 4)).isFalse();
        // A simple majority is not enough.
        assertThat(Threshold.SPECIAL.carries(7, 6)).isFalse();
    }

    @Test
    void abstentionsAreNotVotesCastAndNoVotesNeverCarry() {
        assertThat(Threshold.ORDINARY.carries(0, 0)).isFalse();
        assertThat(Threshold.SPECIAL.carries(0, 0)).isFalse();
        assertThat(Threshold.of("special")).isEqualTo(Threshold.SPECIAL);
    }
}
