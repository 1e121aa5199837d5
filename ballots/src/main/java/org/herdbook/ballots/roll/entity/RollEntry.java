package org.herdbook.ballots.roll.entity;

import java.util.Objects;

/**
 * One member on a frozen voter roll: the salt the server drew for them and the commitment
 * published (through the roll's Merkle root) in the manifest. The salt is given to the member
 * only, so that the published commitments reveal nothing about who is on the roll.
 *
 * @param memberId the member's public identifier (a UUID), not null
 * @param salt 32 random bytes, base64url
 * @param commitment {@code SHA-256} commitment, base64url (see {@code RollFreezer})
 */
public record RollEntry(String memberId, String salt, String commitment) {

    public RollEntry {
        Objects.requireNonNull(memberId, "memberId must not be null");
        Objects.requireNonNull(salt, "salt must not be null");
        Objects.requireNonNull(commitment, "commitment must not be null");
    }
}
