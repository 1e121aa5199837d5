package org.herdbook.ballots.tally.control;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.keys.control.ServerSignatures;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.tally.entity.TallyResult;

/**
 * The signed result of a closed ballot: a JWS (typ {@value #TYPE}) whose claims are
 * {@code ballot} (URI), {@code manifestHash}, {@code treeSize} and {@code rootHash} (the final
 * log, which fixes exactly which votes were counted), {@code tally} (the tally JSON) and
 * {@code iat}. Stateless and thread-safe.
 */
public final class SignedResults {

    /** The {@code typ} of a signed result. */
    public static final String TYPE = "vote-result+jwt";

    private SignedResults() {
    }

    /**
     * @param key the server key
     * @param manifest the ballot's manifest
     * @param manifestHash its hash
     * @param finalTreeHead the signed tree head of the closed log
     * @param tally the tally of the votes that count
     * @param issuedAt now
     * @return the compact result JWS
     */
    public static String sign(ServerKey key, BallotManifest manifest, String manifestHash,
            SignedTreeHead finalTreeHead, TallyResult tally, Instant issuedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("ballot", manifest.ballot().toString());
        claims.put("manifestHash", manifestHash);
        claims.put("treeSize", finalTreeHead.treeSize());
        claims.put("rootHash", finalTreeHead.rootHash());
        claims.put("tally", tally.toJson());
        claims.put("iat", issuedAt.getEpochSecond());
        return key.sign(TYPE, claims);
    }

    /**
     * @param jws a result JWS
     * @param serverKey the server's public key from the manifest
     * @return its claims if the signature is valid
     */
    public static Optional<Map<String, Object>> read(String jws, JWK serverKey) {
        return ServerSignatures.verify(jws, TYPE, serverKey);
    }
}
