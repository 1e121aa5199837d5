package org.herdbook.web.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuorumRuleTest {

    static final QuorumRule TEN_PERCENT = new QuorumRule(QuorumRule.Kind.PERCENT, 10);
    static final QuorumRule HALF = new QuorumRule(QuorumRule.Kind.PERCENT, 50);
    static final QuorumRule THREE_PEOPLE = new QuorumRule(QuorumRule.Kind.NUMBER, 3);

    @Test
    void aPercentageIsRoundedUpAndNeverBelowOne() {
        assertThat(TEN_PERCENT.required(95)).isEqualTo(10);
        assertThat(TEN_PERCENT.required(100)).isEqualTo(10);
        assertThat(TEN_PERCENT.required(101)).isEqualTo(11);
        assertThat(TEN_PERCENT.required(3)).isEqualTo(1);
        assertThat(TEN_PERCENT.required(0)).isEqualTo(1);
        // Half of five directors is three.
        assertThat(HALF.required(5)).isEqualTo(3);
        assertThat(HALF.required(4)).isEqualTo(2);
    }

    @Test
    void aNumberIsTheNumberWhateverTheEntitled() {
        assertThat(THREE_PEOPLE.required(1000)).isEqualTo(3);
        assertThat(THREE_PEOPLE.isMet(2, 1000)).isFalse();
        assertThat(THREE_PEOPLE.isMet(3, 1000)).isTrue();
    }

    @Test
    void quorumIsLostBelowTheRequiredAndRegainedAtIt() {
        assertThat(HALF.isMet(3, 5)).isTrue();
        assertThat(HALF.isMet(2, 5)).isFalse();
        assertThat(HALF.isMet(3, 5)).isTrue();
    }

    @Test
    void impossibleRulesAreRefused() {
        assertThatThrownBy(() -> new QuorumRule(QuorumRule.Kind.PERCENT, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuorumRule(QuorumRule.Kind.NUMBER, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(QuorumRule.Kind.of("percent")).isEqualTo(QuorumRule.Kind.PERCENT);
    }
}
