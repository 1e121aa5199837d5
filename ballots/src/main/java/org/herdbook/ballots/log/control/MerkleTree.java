package org.herdbook.ballots.log.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole RFC 9162 Merkle tree held in memory, for the work that touches every leaf at once:
 * the audit verifier's root of every published tree size, and inclusion proofs for every
 * ballot of a closed log, each in time proportional to the log rather than to its square.
 *
 * <p>Level 0 holds the leaf hashes; each next level pairs neighbours with
 * {@link MerkleTreeHash#nodeHash} and carries an unpaired last node up unchanged, which yields
 * exactly the Merkle Tree Hash of RFC 9162 (its split at the largest power of two smaller than
 * the size makes every left subtree complete). Immutable and thread-safe once built.
 */
public final class MerkleTree {

    private final List<byte[][]> levels = new ArrayList<>();

    private MerkleTree(byte[][] leafHashes) {
        byte[][] level = leafHashes;
        levels.add(level);
        while (level.length > 1) {
            byte[][] next = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < next.length; i++) {
                next[i] = 2 * i + 1 < level.length ? MerkleTreeHash.nodeHash(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(next);
            level = next;
        }
    }

    /**
     * @param entries the log's entries in order
     * @return the tree over them
     */
    public static MerkleTree of(List<byte[]> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        byte[][] leaves = new byte[entries.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = MerkleTreeHash.leafHash(Objects.requireNonNull(entries.get(i), "entry must not be null"));
        }
        return new MerkleTree(leaves);
    }

    /** @return the number of entries */
    public int size() {
        return levels.get(0).length;
    }

    /** @return the root hash of the whole tree */
    public byte[] rootHash() {
        return rootHash(size());
    }

    /**
     * @param treeSize a size from 0 to {@link #size()}
     * @return the root hash of the tree of the first {@code treeSize} entries
     */
    public byte[] rootHash(int treeSize) {
        Objects.checkIndex(treeSize, size() + 1);
        if (treeSize == 0) {
            return MerkleTreeHash.emptyTreeHash();
        }
        // The first treeSize leaves split into complete subtrees, one per set bit, largest first;
        // each is a node of this tree. The root folds them from the right.
        List<byte[]> subtrees = new ArrayList<>();
        int offset = 0;
        for (int level = 31 - Integer.numberOfLeadingZeros(treeSize); level >= 0; level--) {
            if ((treeSize & (1 << level)) != 0) {
                subtrees.add(levels.get(level)[offset >> level]);
                offset += 1 << level;
            }
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTreeHash.nodeHash(subtrees.get(i), root);
        }
        return root.clone();
    }

    /**
     * @param index an entry's index
     * @return its audit path in the whole tree, nearest sibling first (as
     *     {@link MerkleTreeHash#inclusionProof})
     */
    public List<byte[]> inclusionProof(int index) {
        Objects.checkIndex(index, size());
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int level = 0; level < levels.size() - 1; level++) {
            int sibling = i ^ 1;
            if (sibling < levels.get(level).length) {
                path.add(levels.get(level)[sibling].clone());
            }
            i >>= 1;
        }
        return List.copyOf(path);
    }
}
