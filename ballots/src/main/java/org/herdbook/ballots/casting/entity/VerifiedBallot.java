package org.herdbook.ballots.casting.entity;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;
import org.herdbook.ballots.manifest.entity.Choice;

/**
 * A vote that passed every check and may be stored and appended to the ballot log.
 *
 * @param ballotId base64url SHA-256 of the JWS signing input ({@code header.payload}); the log
 *     entry is the 32 bytes it encodes
 * @param compact the compact JWS as received
 * @param kid the key's thumbprint
 * @param publicKey the registered public key
 * @param voterRef the member's reference from the key registration
 * @param jti the vote's unique id
 * @param seq the revote sequence number
 * @param issuedAt the {@code iat} claim (the voter's clock; informative only)
 * @param choice the choice
 * @param receivedAt when the server received it (decides the window)
 */
public record VerifiedBallot(String ballotId, String compact, String kid, JWK publicKey, String voterRef,
        String jti, long seq, Instant issuedAt, Choice choice, Instant receivedAt) {

    public VerifiedBallot {
        Objects.requireNonNull(ballotId, "ballotId must not be null");
        Objects.requireNonNull(compact, "compact must not be null");
        Objects.requireNonNull(kid, "kid must not be null");
        Objects.requireNonNull(publicKey, "publicKey must not be null");
        Objects.requireNonNull(jti, "jti must not be null");
        Objects.requireNonNull(choice, "choice must not be null");
    }
}
