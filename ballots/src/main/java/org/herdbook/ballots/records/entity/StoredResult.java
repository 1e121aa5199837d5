package org.herdbook.ballots.records.entity;

import java.time.Instant;

/**
 * What closing a ballot wrote, once.
 *
 * @param tallyJson the tally, canonical JSON
 * @param resultJws the signed result
 * @param bundleJson the whole audit bundle, canonical JSON
 * @param treeSize the final log's size
 * @param rootHash the final log's root, base64url
 * @param closedAt when it was counted
 */
public record StoredResult(String tallyJson, String resultJws, String bundleJson, long treeSize, String rootHash,
        Instant closedAt) {
}
