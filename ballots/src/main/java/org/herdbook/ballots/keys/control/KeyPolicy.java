package org.herdbook.ballots.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.Optional;
import java.util.Set;

/**
 * The keys and algorithms Herdbook accepts for signed votes and for its own signatures, and
 * nothing else: Ed25519 (JWS {@code alg} {@code EdDSA}, or its RFC 9864 name {@code Ed25519})
 * and ECDSA on P-256 ({@code ES256}). Never {@code none}, never HMAC, never RSA; never a key
 * taken from a JWS header. Nimbus verifies Ed25519 through {@link Ed25519Jws} and ES256 with
 * Bouncy Castle as its JCA provider, both Bouncy Castle's arithmetic. Stateless and thread-safe.
 */
public final class KeyPolicy {

    /** The {@code alg} values accepted, as spelled in JWS headers. */
    public static final Set<String> ALLOWED_ALGORITHMS = Set.of("EdDSA", "Ed25519", "ES256");

    private KeyPolicy() {
    }

    /**
     * Checks a public key offered for registration (or published as the server's key).
     *
     * @param key the JWK, not null
     * @return an empty optional if acceptable, otherwise why not (English, for logs)
     */
    public static Optional<String> problemWith(JWK key) {
        if (key.isPrivate()) {
            return Optional.of("the key has private parts: send only the public key");
        }
        if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return Optional.empty();
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return Optional.empty();
        }
        return Optional.of("only Ed25519 (OKP) and P-256 (EC) public keys are accepted");
    }

    /**
     * @param key an accepted public key
     * @return its RFC 7638 JWK thumbprint (SHA-256, base64url), the {@code kid} of its signatures
     */
    public static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot compute the thumbprint of this key", e);
        }
    }

    /**
     * @param key an accepted public key
     * @param alg the JWS algorithm named in a header
     * @return a verifier for that key if the algorithm is the key's; empty if they do not match
     */
    public static Optional<JWSVerifier> verifier(JWK key, JWSAlgorithm alg) {
        try {
            if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
                    && (JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg))) {
                return Optional.of(new Ed25519Jws.Verifier(okp));
            }
            if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()) && JWSAlgorithm.ES256.equals(alg)) {
                ECDSAVerifier verifier = new ECDSAVerifier(ec);
                // Bouncy Castle verifies ECDSA about five times faster than the JDK; it is set on this
                // verifier only, never registered as a JVM-wide provider.
                verifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
                return Optional.of(verifier);
            }
            return Optional.empty();
        } catch (JOSEException e) {
            return Optional.empty();
        }
    }
}
