package org.herdbook.ballots.roll.entity;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.herdbook.ballots.manifest.entity.RollDigest;

/**
 * A ballot's voter roll as frozen at opening: its entries in log order (sorted by commitment) and
 * the digest the manifest publishes. The web application stores it; the entries' salts are
 * secret to each member. Immutable.
 *
 * @param ballot the ballot's URI
 * @param entries the entries, sorted by commitment bytes
 * @param digest the size and Merkle root over the commitments
 */
public record FrozenRoll(URI ballot, List<RollEntry> entries, RollDigest digest) {

    public FrozenRoll {
        Objects.requireNonNull(ballot, "ballot must not be null");
        Objects.requireNonNull(digest, "digest must not be null");
        entries = List.copyOf(entries);
    }

    /** @return the entry of that member, if on the roll */
    public Optional<RollEntry> entry(String memberId) {
        return entries.stream().filter(e -> e.memberId().equals(memberId)).findFirst();
    }
}
