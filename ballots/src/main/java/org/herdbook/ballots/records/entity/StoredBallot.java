package org.herdbook.ballots.records.entity;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.herdbook.ballots.log.control.MerkleFrontier;

/**
 * A ballot as stored. Before opening, {@code manifestJson} is the draft's manifest (its roll
 * still empty) and {@code manifestHash} is null.
 *
 * @param id the ballot's id (public, in its URI)
 * @param proposalId its proposal
 * @param uri the ballot URI votes name as {@code aud}
 * @param state draft, open or closed
 * @param method the counting method's manifest name
 * @param opens first instant a vote is accepted
 * @param closes first instant a vote is refused
 * @param recordDate the voter roll's record date
 * @param manifestJson the manifest as hashed (or the draft's)
 * @param manifestHash the manifest hash, null for a draft
 * @param rollSize members on the frozen roll, null for a draft
 * @param logSize votes in the log
 * @param frontier the log's frontier
 * @param createdAt when the draft was made
 * @param closedAt when it was counted, or null
 */
public record StoredBallot(UUID id, UUID proposalId, URI uri, State state, String method, Instant opens,
        Instant closes, LocalDate recordDate, String manifestJson, String manifestHash, Long rollSize, long logSize,
        MerkleFrontier frontier, Instant createdAt, Instant closedAt) {

    /** Where a ballot is in its life. */
    public enum State {
        DRAFT, OPEN, CLOSED;

        public String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static State of(String sql) {
            return valueOf(sql.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
