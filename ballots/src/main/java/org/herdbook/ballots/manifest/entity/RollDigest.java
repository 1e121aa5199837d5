package org.herdbook.ballots.manifest.entity;

import java.util.Objects;

/**
 * What the manifest publishes of the frozen voter roll: how many members are on it, and the
 * Merkle root over their salted commitments (see {@code org.herdbook.ballots.roll}).
 *
 * @param size the number of members on the roll, not negative
 * @param rootHash the roll's root hash, base64url without padding (43 characters)
 */
public record RollDigest(long size, String rootHash) {

    public RollDigest {
        Objects.requireNonNull(rootHash, "rootHash must not be null");
        if (size < 0) {
            throw new IllegalArgumentException("A roll cannot have a negative size");
        }
        if (!rootHash.matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("A roll hash is 32 bytes in base64url: " + rootHash);
        }
    }
}
