package org.herdbook.ballots.log.entity;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's signed statement that a ballot's log had {@code treeSize} entries with the root
 * {@code rootHash} at {@code timestamp}; the JWS (typ {@code tree-head+jwt}) is what is published.
 *
 * @param ballot the ballot's URI
 * @param treeSize the number of entries
 * @param rootHash the RFC 9162 root hash, base64url
 * @param timestamp when it was signed, in milliseconds
 * @param jws the compact JWS the server signed
 */
public record SignedTreeHead(URI ballot, long treeSize, String rootHash, Instant timestamp, String jws) {

    public SignedTreeHead {
        Objects.requireNonNull(ballot, "ballot must not be null");
        Objects.requireNonNull(rootHash, "rootHash must not be null");
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(jws, "jws must not be null");
    }
}
