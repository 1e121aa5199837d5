package org.herdbook.ballots.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.util.Map;
import java.util.Objects;
import org.herdbook.ballots.manifest.control.CanonicalJson;

/**
 * The server's signing key for receipts, signed tree heads and results: an Ed25519 or P-256
 * private JWK. The web application loads it from its secret configuration (never from the
 * repository); its public half is published in every manifest.
 *
 * <p>Signatures are compact JWS with {@code alg} {@code EdDSA} or {@code ES256}, the given
 * {@code typ}, and {@code kid} the key's RFC 7638 thumbprint; the payload is the claims in
 * canonical JSON (RFC 8785). Thread-safe.
 */
public final class ServerKey {

    private final JWK publicKey;
    private final String kid;
    private final JWSAlgorithm alg;
    /**
     * Shared by every thread: neither signer holds a lock or state between signatures (Nimbus's
     * own Ed25519 signer synchronized {@code sign}, which made every receipt of a busy ballot wait
     * for the one before it; see {@link Ed25519Jws}).
     */
    private final JWSSigner signer;

    private ServerKey(JWK privateKey) {
        Objects.requireNonNull(privateKey, "privateKey must not be null");
        if (!privateKey.isPrivate()) {
            throw new IllegalArgumentException("The server key must include its private part");
        }
        this.publicKey = privateKey.toPublicJWK();
        KeyPolicy.problemWith(publicKey).ifPresent(problem -> {
            throw new IllegalArgumentException("Unusable server key: " + problem);
        });
        this.kid = KeyPolicy.thumbprint(publicKey);
        this.alg = privateKey instanceof OctetKeyPair ? JWSAlgorithm.EdDSA : JWSAlgorithm.ES256;
        try {
            this.signer = privateKey instanceof OctetKeyPair okp ? new Ed25519Jws.Signer(okp)
                    : new ECDSASigner((ECKey) privateKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable server key", e);
        }
    }

    /**
     * @param privateJwk an Ed25519 (OKP) or P-256 (EC) private JWK
     * @return the server key
     * @throws IllegalArgumentException if the key is public only or of another kind
     */
    public static ServerKey of(JWK privateJwk) {
        return new ServerKey(privateJwk);
    }

    /** @return a fresh Ed25519 key, e.g. for a new installation or a test */
    public static ServerKey generateEd25519() {
        try {
            return new ServerKey(new OctetKeyPairGenerator(Curve.Ed25519).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an Ed25519 key", e);
        }
    }

    /** @return the public JWK to publish */
    public JWK publicJwk() {
        return publicKey;
    }

    /** @return the thumbprint, {@code kid} of every signature */
    public String kid() {
        return kid;
    }

    /**
     * @param type the {@code typ} header, e.g. {@code vote-receipt+jwt}
     * @param claims the claims, canonicalized as the payload
     * @return the compact JWS
     */
    public String sign(String type, Map<String, Object> claims) {
        JWSHeader header = new JWSHeader.Builder(alg).type(new JOSEObjectType(type)).keyID(kid).build();
        JWSObject jws = new JWSObject(header, new Payload(CanonicalJson.write(claims)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return jws.serialize();
    }

    /** @return the key's thumbprint only, never its private part */
    @Override
    public String toString() {
        return "ServerKey[" + kid + "]";
    }
}
