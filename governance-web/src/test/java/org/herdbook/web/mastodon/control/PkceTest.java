package org.herdbook.web.mastodon.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636, Appendix B. */
    static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theS256ChallengeMatchesTheRfcTestVector() {
        assertThat(Pkce.challengeOf(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
    }

    @Test
    void verifiersAre43To128UnreservedCharactersAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String verifier = Pkce.newVerifier();
            assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
            assertThat(seen.add(verifier)).isTrue();
        }
    }

    @Test
    void statesCarryAtLeast128BitsAndAreUrlSafe() {
        String state = Pkce.newState();
        // 43 base64url characters hold 256 bits.
        assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Pkce.newState());
    }

    @Test
    void challengesAreUnpaddedBase64urlOfA256BitDigest() {
        assertThat(Pkce.challengeOf(Pkce.newVerifier())).hasSize(43).matches("[A-Za-z0-9_-]+");
    }
}
