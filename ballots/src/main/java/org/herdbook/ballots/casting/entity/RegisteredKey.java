package org.herdbook.ballots.casting.entity;

import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;
import org.herdbook.ballots.keys.control.VerifyingKey;

/**
 * A voter's public key registered for one ballot.
 *
 * @param publicKey the public JWK (Ed25519 or P-256), not null
 * @param voterRef the web application's reference to the member who registered it, opaque to
 *     this module and never published; not null
 * @param verifying the same key ready to verify, kept with it so that a key kept in memory verifies
 *     every vote of its member without decoding it again; not null
 */
public record RegisteredKey(JWK publicKey, String voterRef, VerifyingKey verifying) {

    public RegisteredKey {
        Objects.requireNonNull(publicKey, "publicKey must not be null");
        Objects.requireNonNull(voterRef, "voterRef must not be null");
        Objects.requireNonNull(verifying, "verifying must not be null");
        if (!verifying.key().equals(publicKey)) {
            throw new IllegalArgumentException("verifying must be the same key");
        }
    }

    /**
     * @param publicKey the public JWK (Ed25519 or P-256), not null
     * @param voterRef the member's reference, not null
     */
    public RegisteredKey(JWK publicKey, String voterRef) {
        this(publicKey, voterRef, VerifyingKey.of(Objects.requireNonNull(publicKey, "publicKey must not be null")));
    }
}
