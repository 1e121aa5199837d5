package org.herdbook.ballots.audit.control;

import com.nimbusds.jose.util.Base64URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.audit.entity.InclusionProof;
import org.herdbook.ballots.log.control.MerkleTree;

/**
 * Inclusion proofs for every ballot id of a closed log, against its final tree head. They are not
 * stored in the bundle (the bundle holds every leaf, so a proof adds nothing for whoever has it,
 * and would double its size); the web application serves one per ballot id from here, for
 * members who keep only their receipt. Built once in time proportional to the log; thread-safe.
 */
public final class InclusionProofs {

    private final MerkleTree tree;
    private final Map<String, Integer> indexes = new HashMap<>();

    private InclusionProofs(List<String> ballotIds) {
        List<byte[]> entries = new ArrayList<>(ballotIds.size());
        for (int i = 0; i < ballotIds.size(); i++) {
            entries.add(Base64URL.from(ballotIds.get(i)).decode());
            indexes.putIfAbsent(ballotIds.get(i), i);
        }
        this.tree = MerkleTree.of(entries);
    }

    /**
     * @param ballotIds the log's ballot ids in log order
     * @return the proofs of that log
     */
    public static InclusionProofs of(List<String> ballotIds) {
        return new InclusionProofs(ballotIds);
    }

    /** @return the proofs of a bundle's log */
    public static InclusionProofs of(AuditBundle bundle) {
        return new InclusionProofs(bundle.ballots().stream().map(AuditBundle.Entry::ballotId).toList());
    }

    /**
     * @param ballotId a ballot id
     * @return its proof against the whole log, if the ballot is in it
     */
    public Optional<InclusionProof> proof(String ballotId) {
        Integer index = indexes.get(ballotId);
        if (index == null) {
            return Optional.empty();
        }
        List<String> path = tree.inclusionProof(index).stream().map(h -> Base64URL.encode(h).toString()).toList();
        return Optional.of(new InclusionProof(ballotId, index, tree.size(),
                Base64URL.encode(tree.rootHash()).toString(), path));
    }
}
