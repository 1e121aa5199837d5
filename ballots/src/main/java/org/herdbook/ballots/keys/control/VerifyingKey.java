package org.herdbook.ballots.keys.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A public key ready to verify signatures: what {@link KeyPolicy} says of it (acceptable or not,
 * its thumbprint, its verifier for an algorithm) worked out once instead of for every signature.
 * A registered voting key verifies every vote its member casts, and building a verifier decodes
 * the key (for Ed25519, decompressing the curve point) while the thumbprint hashes the key's
 * canonical JSON. Immutable apart from the verifiers it keeps once built; thread-safe.
 */
public final class VerifyingKey {

    private final JWK key;
    private final Optional<String> problem;
    private final String thumbprint;
    private final Map<JWSAlgorithm, Optional<JWSVerifier>> verifiers = new ConcurrentHashMap<>(2);

    private VerifyingKey(JWK key) {
        this.key = Objects.requireNonNull(key, "key must not be null");
        this.problem = KeyPolicy.problemWith(key);
        this.thumbprint = problem.isPresent() ? null : KeyPolicy.thumbprint(key);
    }

    /**
     * @param key a public key, acceptable or not
     * @return the key, ready to verify
     */
    public static VerifyingKey of(JWK key) {
        return new VerifyingKey(key);
    }

    /** @return the key */
    public JWK key() {
        return key;
    }

    /** @return whether {@link KeyPolicy} accepts the key */
    public boolean acceptable() {
        return problem.isEmpty();
    }

    /** @return the key's RFC 7638 thumbprint, or empty if the key is not acceptable */
    public Optional<String> thumbprint() {
        return Optional.ofNullable(thumbprint);
    }

    /**
     * @param alg the JWS algorithm named in a header
     * @return the key's verifier for it, the same one every time; empty if the key is not
     *     acceptable or the algorithm is not the key's
     */
    public Optional<JWSVerifier> verifier(JWSAlgorithm alg) {
        if (!acceptable() || alg == null || !KeyPolicy.ALLOWED_ALGORITHMS.contains(alg.getName())) {
            return Optional.empty();
        }
        return verifiers.computeIfAbsent(alg, a -> KeyPolicy.verifier(key, a));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifyingKey that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + (thumbprint != null ? thumbprint : key.getKeyType()) + "]";
    }
}
