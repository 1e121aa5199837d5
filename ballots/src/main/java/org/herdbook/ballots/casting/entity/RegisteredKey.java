package org.herdbook.ballots.casting.entity;

import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;
import org.herdbook.ballots.keys.control.VerifyingKey;

/**
 * A voter's public key registered for one ballot.
 *
 * @param verifying the public JWK (Ed25519 or P-256), ready to verify: a key kept in memory
 *     verifies every vote of its member without decoding it again; not null
 * @param voterRef the web application's reference to the member who registered it, opaque to
 *     this module and never published; not null
 */
public record RegisteredKey(VerifyingKey verifying, String voterRef) {

    public RegisteredKey {
        Objects.requireNonNull(verifying, "verifying must not be null");
        Objects.requireNonNull(voterRef, "voterRef must not be null");
    }

    /**
     * @param publicKey the public JWK (Ed25519 or P-256), not null
     * @param voterRef the member's reference, not null
     */
    public RegisteredKey(JWK publicKey, String voterRef) {
        this(VerifyingKey.of(Objects.requireNonNull(publicKey, "publicKey must not be null")), voterRef);
    }

    /** @return the public JWK */
    public JWK publicKey() {
        return verifying.key();
    }
}
