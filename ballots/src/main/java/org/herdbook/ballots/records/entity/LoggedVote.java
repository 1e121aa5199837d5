package org.herdbook.ballots.records.entity;

import java.time.Instant;

/**
 * An accepted vote as the log holds it.
 *
 * @param leafIndex its index in the ballot's log
 * @param ballotId base64url SHA-256 of its signing input
 * @param jws the compact JWS as received
 * @param kid the key's thumbprint
 * @param publicJwk the registered public key, JSON
 * @param seq its revote number
 * @param superseded whether a later vote of the same key replaced it
 * @param receivedAt when the server accepted it
 */
public record LoggedVote(long leafIndex, String ballotId, String jws, String kid, String publicJwk, long seq,
        boolean superseded, Instant receivedAt) {
}
