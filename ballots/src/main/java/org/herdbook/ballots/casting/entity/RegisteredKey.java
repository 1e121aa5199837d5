package org.herdbook.ballots.casting.entity;

import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;

/**
 * A voter's public key registered for one ballot.
 *
 * @param publicKey the public JWK (Ed25519 or P-256), not null
 * @param voterRef the web application's reference to the member who registered it, opaque to
 *     this module and never published; not null
 */
public record RegisteredKey(JWK publicKey, String voterRef) {

    public RegisteredKey {
        Objects.requireNonNull(publicKey, "publicKey must not be null");
        Objects.requireNonNull(voterRef, "voterRef must not be null");
    }
}
