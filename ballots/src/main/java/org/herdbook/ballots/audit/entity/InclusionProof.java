package org.herdbook.ballots.audit.entity;

import java.util.List;

/**
 * Proof that a ballot is an entry of the final log (RFC 9162 section 2.1.3), to be checked
 * against the signed tree head of {@code treeSize} entries with {@code rootHash}.
 *
 * @param ballotId the ballot id
 * @param leafIndex its index in the log
 * @param treeSize the final log's size
 * @param rootHash the final root hash, base64url
 * @param auditPath the audit path, base64url hashes, nearest sibling first
 */
public record InclusionProof(String ballotId, long leafIndex, long treeSize, String rootHash,
        List<String> auditPath) {

    public InclusionProof {
        auditPath = List.copyOf(auditPath);
    }
}
