package org.herdbook.ballots.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JWS the server signed (receipt, tree head, result) against the server key published
 * in the manifest. Stateless and thread-safe.
 */
public final class ServerSignatures {

    private ServerSignatures() {
    }

    /**
     * @param compact the compact JWS
     * @param type the expected {@code typ}
     * @param serverKey the public key from the manifest
     * @return the claims if the JWS is of that type, by an allowed algorithm, names the key's
     *     thumbprint as {@code kid}, carries no key of its own and its signature verifies;
     *     otherwise empty
     */
    public static Optional<Map<String, Object>> verify(String compact, String type, JWK serverKey) {
        try {
            JWSObject jws = JWSObject.parse(compact);
            JWSAlgorithm alg = jws.getHeader().getAlgorithm();
            if (!KeyPolicy.ALLOWED_ALGORITHMS.contains(alg.getName())
                    || jws.getHeader().getType() == null
                    || !type.equals(jws.getHeader().getType().getType())
                    || !KeyPolicy.thumbprint(serverKey).equals(jws.getHeader().getKeyID())
                    || jws.getHeader().getJWK() != null || jws.getHeader().getJWKURL() != null
                    || jws.getHeader().getX509CertChain() != null || jws.getHeader().getX509CertURL() != null
                    || jws.getHeader().getCriticalParams() != null) {
                return Optional.empty();
            }
            Optional<JWSVerifier> verifier = KeyPolicy.verifier(serverKey, alg);
            if (verifier.isEmpty() || !jws.verify(verifier.get())) {
                return Optional.empty();
            }
            return Optional.of(JSONObjectUtils.parse(jws.getPayload().toString()));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
