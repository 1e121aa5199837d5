package org.herdbook.ballots.log.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.keys.control.ServerSignatures;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.control.JsonMembers;

/**
 * Signs and reads the log's statements: signed tree heads and receipts.
 *
 * <p>Tree head claims: {@code ballot} (URI), {@code treeSize}, {@code rootHash} (base64url),
 * {@code timestamp} (milliseconds). Receipt claims: {@code ballot}, {@code ballotId},
 * {@code leafIndex}, {@code treeHead} (the signed tree head's compact JWS), {@code iat}.
 * Stateless and thread-safe.
 */
public final class LogSignatures {

    /** The {@code typ} of a signed tree head. */
    public static final String TREE_HEAD_TYPE = "tree-head+jwt";
    /** The {@code typ} of a receipt. */
    public static final String RECEIPT_TYPE = "vote-receipt+jwt";

    private LogSignatures() {
    }

    /**
     * @param key the server key
     * @param ballot the ballot's URI
     * @param treeSize the log's size
     * @param rootHash its root hash (32 bytes)
     * @param timestamp now
     * @return the signed tree head
     */
    public static SignedTreeHead signTreeHead(ServerKey key, URI ballot, long treeSize, byte[] rootHash,
            Instant timestamp) {
        Instant millis = Instant.ofEpochMilli(timestamp.toEpochMilli());
        String root = Base64URL.encode(rootHash).toString();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("ballot", ballot.toString());
        claims.put("treeSize", treeSize);
        claims.put("rootHash", root);
        claims.put("timestamp", millis.toEpochMilli());
        return new SignedTreeHead(ballot, treeSize, root, millis, key.sign(TREE_HEAD_TYPE, claims));
    }

    /**
     * @param jws a tree head JWS
     * @param serverKey the server's public key from the manifest
     * @return the tree head if its signature and claims are valid
     */
    public static Optional<SignedTreeHead> readTreeHead(String jws, JWK serverKey) {
        return ServerSignatures.verify(jws, TREE_HEAD_TYPE, serverKey).flatMap(claims -> {
            try {
                return Optional.of(new SignedTreeHead(URI.create(JsonMembers.string(claims, "ballot")),
                        JsonMembers.integer(claims, "treeSize"), JsonMembers.string(claims, "rootHash"),
                        Instant.ofEpochMilli(JsonMembers.integer(claims, "timestamp")), jws));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * @param key the server key
     * @param ballotId the accepted vote's ballot id
     * @param leafIndex its index in the log
     * @param treeHead a signed tree head whose tree includes that index
     * @param issuedAt now
     * @return the receipt
     */
    public static BallotReceipt signReceipt(ServerKey key, String ballotId, long leafIndex, SignedTreeHead treeHead,
            Instant issuedAt) {
        if (leafIndex < 0 || leafIndex >= treeHead.treeSize()) {
            throw new IllegalArgumentException("The tree head must include the entry");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("ballot", treeHead.ballot().toString());
        claims.put("ballotId", ballotId);
        claims.put("leafIndex", leafIndex);
        claims.put("treeHead", treeHead.jws());
        claims.put("iat", issuedAt.getEpochSecond());
        return new BallotReceipt(ballotId, leafIndex, treeHead, key.sign(RECEIPT_TYPE, claims));
    }
}
