package org.herdbook.ballots.log.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Tree Hash of RFC 9162 section 2.1 over SHA-256, with the inclusion proofs
 * (2.1.3) and consistency proofs (2.1.4) of the ballot log.
 *
 * <p>For entries {@code D[n] = {d(0), ..., d(n-1)}}:
 * <ul>
 *   <li>the hash of the empty tree is {@code SHA-256()};</li>
 *   <li>the hash of a one-entry tree is the leaf hash {@code SHA-256(0x00 || d(0))};</li>
 *   <li>for {@code n > 1}, with {@code k} the largest power of two smaller than {@code n}, the
 *       hash is {@code SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))}.</li>
 * </ul>
 *
 * <p>Methods that build hashes or proofs take the log's entries, in log order, as the data that
 * was appended (not its leaf hashes). The verifying methods take only hashes, so that a verifier
 * outside the server can check what the server published. Every hash is 32 bytes; arrays
 * returned are fresh and belong to the caller, and arguments are never modified.
 *
 * <p>Every parameter must be non-null, as must every entry of a list of entries. Verification
 * answers {@code false} rather than throwing for anything a dishonest or broken log could send
 * (wrong sizes, hashes of the wrong length, proofs of the wrong length).
 *
 * <p>All methods are stateless and thread-safe.
 */
public final class MerkleTreeHash {

    /** Length in bytes of every hash: leaf, node, root and proof element. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTreeHash() {
    }

    /**
     * @param entry the data of one log entry, not null, possibly empty
     * @return {@code SHA-256(0x00 || entry)}
     */
    public static byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry must not be null");
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return sha256.digest();
    }

    /**
     * @param left the hash of the left subtree, not null
     * @param right the hash of the right subtree, not null
     * @return {@code SHA-256(0x01 || left || right)}
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left must not be null");
        Objects.requireNonNull(right, "right must not be null");
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** @return the hash of the tree with no entries, {@code SHA-256()} of no bytes */
    public static byte[] emptyTreeHash() {
        return sha256().digest();
    }

    /**
     * @param entries the log's entries in order, not null, none null
     * @return the Merkle Tree Hash of the entries, the empty tree hash if there are none
     */
    public static byte[] rootHash(List<byte[]> entries) {
        byte[][] leaves = leafHashes(entries);
        return leaves.length == 0 ? emptyTreeHash() : subtreeHash(leaves, 0, leaves.length);
    }

    /**
     * The audit path of RFC 9162 section 2.1.3.1: the hashes that, with the leaf hash of entry
     * {@code index}, recompute the root of the tree of all the entries. The sibling nearest the
     * leaf comes first.
     *
     * @param entries the log's entries in order, not null, none null
     * @param index the index of the entry to prove, from 0 to {@code entries.size() - 1}
     * @return the audit path, unmodifiable, empty for a tree of one entry
     * @throws IndexOutOfBoundsException if there is no entry at {@code index}
     */
    public static List<byte[]> inclusionProof(List<byte[]> entries, int index) {
        Objects.requireNonNull(entries, "entries must not be null");
        Objects.checkIndex(index, entries.size());
        List<byte[]> path = new ArrayList<>();
        auditPath(index, leafHashes(entries), 0, entries.size(), path);
        return List.copyOf(path);
    }

    /**
     * Verifies an audit path as RFC 9162 section 2.1.3.2 says.
     *
     * <p>The root must be the one published for a tree of exactly {@code treeSize} entries: a
     * signed tree head binds the two together, and a proof only means something for that pair.
     *
     * @param leafHash the leaf hash of the entry, not null (see {@link #leafHash(byte[])})
     * @param index the index the entry is claimed to have
     * @param treeSize the number of entries in the tree whose root is {@code root}
     * @param proof the audit path, not null
     * @param root the root hash of the tree of {@code treeSize} entries, not null
     * @return whether the proof shows the entry at {@code index} in that tree
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof,
            byte[] root) {
        Objects.requireNonNull(leafHash, "leafHash must not be null");
        Objects.requireNonNull(proof, "proof must not be null");
        Objects.requireNonNull(root, "root must not be null");
        if (index < 0 || index >= treeSize || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * The consistency proof of RFC 9162 section 2.1.4.1: the hashes that show the tree of the
     * first {@code firstSize} entries is a prefix of the tree of all the entries.
     *
     * @param entries the log's entries in order, not null, none null
     * @param firstSize the size of the earlier tree, from 0 to {@code entries.size()}
     * @return the proof, unmodifiable; empty when {@code firstSize} is 0 or the whole log, since
     *     any tree extends the empty one and a tree is consistent with itself
     * @throws IndexOutOfBoundsException if {@code firstSize} is negative or larger than the log
     */
    public static List<byte[]> consistencyProof(List<byte[]> entries, int firstSize) {
        Objects.requireNonNull(entries, "entries must not be null");
        Objects.checkIndex(firstSize, entries.size() + 1);
        List<byte[]> proof = new ArrayList<>();
        if (firstSize > 0) {
            subproof(firstSize, leafHashes(entries), 0, entries.size(), true, proof);
        }
        return List.copyOf(proof);
    }

    /**
     * Verifies a consistency proof as RFC 9162 section 2.1.4.2 says: that the tree of
     * {@code secondSize} entries with root {@code secondRoot} was made only by appending to the
     * tree of {@code firstSize} entries with root {@code firstRoot}.
     *
     * <p>The cases the RFC leaves out are settled the way its definitions imply: equal sizes are
     * consistent when the roots are equal and the proof is empty; every tree extends the empty
     * tree, given an empty proof and the empty tree's hash as {@code firstRoot}.
     *
     * @param firstSize the size of the earlier tree
     * @param secondSize the size of the later tree
     * @param proof the consistency proof, not null
     * @param firstRoot the root hash of the earlier tree, not null
     * @param secondRoot the root hash of the later tree, not null
     * @return whether the proof shows the later tree extends the earlier one
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, List<byte[]> proof, byte[] firstRoot,
            byte[] secondRoot) {
        Objects.requireNonNull(proof, "proof must not be null");
        Objects.requireNonNull(firstRoot, "firstRoot must not be null");
        Objects.requireNonNull(secondRoot, "secondRoot must not be null");
        if (firstSize < 0 || secondSize < firstSize
                || !isHash(firstRoot) || !isHash(secondRoot) || !allHashes(proof)) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyTreeHash());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        // When the earlier tree is a complete subtree of the later one, the proof omits its root.
        if (Long.bitCount(firstSize) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof);

        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static void auditPath(int index, byte[][] leaves, int from, int to, List<byte[]> path) {
        int size = to - from;
        if (size == 1) {
            return;
        }
        int k = split(size);
        if (index < k) {
            auditPath(index, leaves, from, from + k, path);
            path.add(subtreeHash(leaves, from + k, to));
        } else {
            auditPath(index - k, leaves, from + k, to, path);
            path.add(subtreeHash(leaves, from, from + k));
        }
    }

    private static void subproof(int m, byte[][] leaves, int from, int to, boolean wholeFirstTree,
            List<byte[]> proof) {
        int size = to - from;
        if (m == size) {
            // The verifier already holds the first tree's root, so it is left out of the proof.
            if (!wholeFirstTree) {
                proof.add(subtreeHash(leaves, from, to));
            }
            return;
        }
        int k = split(size);
        if (m <= k) {
            subproof(m, leaves, from, from + k, wholeFirstTree, proof);
            proof.add(subtreeHash(leaves, from + k, to));
        } else {
            subproof(m - k, leaves, from + k, to, false, proof);
            proof.add(subtreeHash(leaves, from, from + k));
        }
    }

    private static byte[] subtreeHash(byte[][] leaves, int from, int to) {
        int size = to - from;
        if (size == 1) {
            return leaves[from];
        }
        int k = split(size);
        return nodeHash(subtreeHash(leaves, from, from + k), subtreeHash(leaves, from + k, to));
    }

    /** The largest power of two smaller than {@code size}, for sizes of two or more. */
    private static int split(int size) {
        return Integer.highestOneBit(size - 1);
    }

    private static byte[][] leafHashes(List<byte[]> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        byte[][] leaves = new byte[entries.size()][];
        for (int i = 0; i < leaves.length; i++) {
            byte[] entry = entries.get(i);
            if (entry == null) {
                throw new NullPointerException("entries must not contain null, but entry " + i + " is null");
            }
            leaves[i] = leafHash(entry);
        }
        return leaves;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_LENGTH;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        for (byte[] hash : hashes) {
            if (!isHash(hash)) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }
}
