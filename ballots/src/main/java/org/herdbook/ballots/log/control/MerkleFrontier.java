package org.herdbook.ballots.log.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The state a growing log needs to append one entry and sign a tree head without reading every
 * earlier entry: the roots of the complete subtrees the log's entries form, one per set bit of
 * its size, largest first (at most 64 hashes). The web application stores it beside the log and
 * restores it with {@link #of(long, List)}. Appending and the root cost O(log n) hashes.
 *
 * <p>Immutable and thread-safe; arrays in and out are copies.
 */
public final class MerkleFrontier {

    private static final MerkleFrontier EMPTY = new MerkleFrontier(0, List.of());

    private final long size;
    private final List<byte[]> subtrees;

    private MerkleFrontier(long size, List<byte[]> subtrees) {
        this.size = size;
        this.subtrees = subtrees;
    }

    /** @return the frontier of the empty log */
    public static MerkleFrontier empty() {
        return EMPTY;
    }

    /**
     * @param size the log's size
     * @param subtrees the hashes {@link #subtrees()} returned for that size
     * @return the frontier
     * @throws IllegalArgumentException if the number or length of hashes does not fit the size
     */
    public static MerkleFrontier of(long size, List<byte[]> subtrees) {
        Objects.requireNonNull(subtrees, "subtrees must not be null");
        if (size < 0 || subtrees.size() != Long.bitCount(size)
                || subtrees.stream().anyMatch(h -> h == null || h.length != MerkleTreeHash.HASH_LENGTH)) {
            throw new IllegalArgumentException("A log of " + size + " entries has " + Long.bitCount(size) + " subtree hashes");
        }
        return new MerkleFrontier(size, copy(subtrees));
    }

    /**
     * @param entry the appended entry (for the ballot log, the 32 bytes of a ballot id)
     * @return the frontier of the log with that entry appended
     */
    public MerkleFrontier append(byte[] entry) {
        List<byte[]> next = new ArrayList<>(subtrees);
        byte[] node = MerkleTreeHash.leafHash(entry);
        // Each trailing set bit of the old size is a complete subtree of the new node's size: merge.
        for (long s = size; (s & 1) == 1; s >>= 1) {
            node = MerkleTreeHash.nodeHash(next.remove(next.size() - 1), node);
        }
        next.add(node);
        return new MerkleFrontier(size + 1, List.copyOf(next));
    }

    /** @return the number of entries */
    public long size() {
        return size;
    }

    /** @return the RFC 9162 root hash of the log */
    public byte[] rootHash() {
        if (size == 0) {
            return MerkleTreeHash.emptyTreeHash();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTreeHash.nodeHash(subtrees.get(i), root);
        }
        return root.clone();
    }

    /** @return the complete subtrees' roots, largest first, to store */
    public List<byte[]> subtrees() {
        return copy(subtrees);
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        hashes.forEach(h -> copy.add(h.clone()));
        return List.copyOf(copy);
    }
}
