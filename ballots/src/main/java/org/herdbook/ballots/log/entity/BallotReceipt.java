package org.herdbook.ballots.log.entity;

import java.util.Objects;

/**
 * What a voter gets back for an accepted vote: the server's signed statement (typ
 * {@code vote-receipt+jwt}) that the ballot with this id is entry {@code leafIndex} of the log,
 * under the signed tree head it embeds.
 *
 * @param ballotId the ballot id (base64url SHA-256 of the vote's signing input)
 * @param leafIndex the entry's index in the log
 * @param treeHead the signed tree head that includes the entry
 * @param jws the compact receipt JWS
 */
public record BallotReceipt(String ballotId, long leafIndex, SignedTreeHead treeHead, String jws) {

    public BallotReceipt {
        Objects.requireNonNull(ballotId, "ballotId must not be null");
        Objects.requireNonNull(treeHead, "treeHead must not be null");
        Objects.requireNonNull(jws, "jws must not be null");
    }
}
