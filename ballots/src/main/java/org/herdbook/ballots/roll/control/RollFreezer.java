package org.herdbook.ballots.roll.control;

import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.herdbook.ballots.log.control.MerkleTreeHash;
import org.herdbook.ballots.manifest.entity.RollDigest;
import org.herdbook.ballots.roll.entity.FrozenRoll;
import org.herdbook.ballots.roll.entity.RollEntry;

/**
 * Freezes a voter roll at opening and lets a member check being on it.
 *
 * <p>A member's commitment is
 * {@code SHA-256(UTF-8("herdbook-roll/1") || 0x00 || UTF-8(ballot URI) || 0x00 || UTF-8(member id) || 0x00 || salt)}
 * with a fresh 32-byte random salt per member and ballot. Commitments are sorted (unsigned
 * bytes) and become the entries of an RFC 9162 Merkle tree; its root and the number of members
 * are the manifest's {@code roll}. A member given their salt, index and audit path recomputes
 * their commitment and checks it against the published root: being on the roll is proven without
 * publishing who else is. Stateless and thread-safe.
 */
public final class RollFreezer {

    private static final byte[] DOMAIN = "herdbook-roll/1".getBytes(StandardCharsets.UTF_8);
    private static final int SALT_LENGTH = 32;

    private RollFreezer() {
    }

    /**
     * @param ballot the ballot's URI
     * @param memberIds the eligible members' ids at the record date (duplicates are ignored)
     * @param random the source of salts, e.g. a {@link SecureRandom}
     * @return the frozen roll
     */
    public static FrozenRoll freeze(URI ballot, Collection<String> memberIds, SecureRandom random) {
        List<byte[][]> drawn = new ArrayList<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
        for (String id : ids) {
            byte[] salt = new byte[SALT_LENGTH];
            random.nextBytes(salt);
            drawn.add(new byte[][] {id.getBytes(StandardCharsets.UTF_8), salt, commitment(ballot, id, salt)});
        }
        drawn.sort((a, b) -> Arrays.compareUnsigned(a[2], b[2]));
        List<RollEntry> entries = new ArrayList<>();
        List<byte[]> commitments = new ArrayList<>();
        for (byte[][] d : drawn) {
            entries.add(new RollEntry(new String(d[0], StandardCharsets.UTF_8), b64(d[1]), b64(d[2])));
            commitments.add(d[2]);
        }
        RollDigest digest = new RollDigest(entries.size(), b64(MerkleTreeHash.rootHash(commitments)));
        return new FrozenRoll(ballot, entries, digest);
    }

    /**
     * @param ballot the ballot's URI
     * @param memberId the member's id
     * @param salt the member's salt
     * @return the member's commitment
     */
    public static byte[] commitment(URI ballot, String memberId, byte[] salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(DOMAIN);
            sha256.update((byte) 0);
            sha256.update(ballot.toString().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(memberId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(salt);
            return sha256.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }

    /**
     * The audit path that proves a member's place on the roll.
     *
     * @param roll the frozen roll
     * @param memberId a member on it
     * @return the path for {@link #isOnRoll}
     * @throws IllegalArgumentException if the member is not on the roll
     */
    public static List<byte[]> proof(FrozenRoll roll, String memberId) {
        int index = indexOf(roll, memberId);
        List<byte[]> commitments = roll.entries().stream().map(e -> Base64URL.from(e.commitment()).decode()).toList();
        return MerkleTreeHash.inclusionProof(commitments, index);
    }

    /** @return the member's index on the roll; fails if not on it */
    public static int indexOf(FrozenRoll roll, String memberId) {
        for (int i = 0; i < roll.entries().size(); i++) {
            if (roll.entries().get(i).memberId().equals(memberId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not on the roll: " + memberId);
    }

    /**
     * What a member runs to check being on the published roll.
     *
     * @param digest the roll as published in the manifest
     * @param ballot the ballot's URI
     * @param memberId the member's own id
     * @param salt the salt the server gave the member
     * @param index the member's index on the roll
     * @param proof the audit path
     * @return whether the member's commitment is on the published roll
     */
    public static boolean isOnRoll(RollDigest digest, URI ballot, String memberId, byte[] salt, long index,
            List<byte[]> proof) {
        byte[] leaf = MerkleTreeHash.leafHash(commitment(ballot, memberId, salt));
        return MerkleTreeHash.verifyInclusion(leaf, index, digest.size(), proof,
                Base64URL.from(digest.rootHash()).decode());
    }

    private static String b64(byte[] bytes) {
        return Base64URL.encode(bytes).toString();
    }
}
