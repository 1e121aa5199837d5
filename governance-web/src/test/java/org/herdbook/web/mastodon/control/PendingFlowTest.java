package org.herdbook.web.mastodon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingFlowTest {

    static final InstanceUrl INSTANCE = InstanceUrl.parse("https://mastodon.example");
    static final Instant STARTED = Instant.parse("2026-11-05T10:00:00Z");

    @Test
    void isAnsweredOnlyByItsOwnStateWithinTenMinutes() {
        PendingFlow flow = PendingFlow.start(PendingFlow.Intent.SIGN_IN, INSTANCE, null, "/member/", STARTED);
        assertThat(flow.isAnsweredBy(flow.state(), INSTANCE, STARTED.plusSeconds(30))).isTrue();
        assertThat(flow.isAnsweredBy(flow.state(), INSTANCE, STARTED.plusSeconds(599))).isTrue();
        assertThat(flow.isAnsweredBy(flow.state(), INSTANCE, STARTED.plusSeconds(600))).as("expired").isFalse();
        assertThat(flow.isAnsweredBy(flow.state(), INSTANCE, STARTED.minusSeconds(1))).as("from the future").isFalse();
        assertThat(flow.isAnsweredBy(null, INSTANCE, STARTED)).isFalse();
        assertThat(flow.isAnsweredBy("", INSTANCE, STARTED)).isFalse();
        assertThat(flow.isAnsweredBy(flow.state() + "x", INSTANCE, STARTED)).isFalse();
        assertThat(flow.isAnsweredBy(Pkce.newState(), INSTANCE, STARTED)).isFalse();
        assertThat(flow.isAnsweredBy(flow.state(), InstanceUrl.parse("https://other.example"), STARTED))
                .as("another instance configured since").isFalse();
    }

    @Test
    void carriesTheChallengeOfItsVerifierAndNeverPrintsSecrets() {
        PendingFlow flow = PendingFlow.start(PendingFlow.Intent.SIGN_IN, INSTANCE, null, null, STARTED);
        assertThat(flow.codeChallenge()).isEqualTo(Pkce.challengeOf(flow.codeVerifier()));
        assertThat(flow.toString()).doesNotContain(flow.state(), flow.codeVerifier());
    }

    @Test
    void aLinkBelongsToAnAccount() {
        assertThatNullPointerException().isThrownBy(
                () -> PendingFlow.start(PendingFlow.Intent.LINK, INSTANCE, null, null, STARTED));
        UUID account = UUID.randomUUID();
        assertThat(PendingFlow.start(PendingFlow.Intent.LINK, INSTANCE, account, null, STARTED).accountId()).isEqualTo(account);
    }
}
