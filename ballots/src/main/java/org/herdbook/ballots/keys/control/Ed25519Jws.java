package org.herdbook.ballots.keys.control;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 JWS signing and verification for Nimbus ({@link com.nimbusds.jose.JWSObject#sign},
 * {@link com.nimbusds.jose.JWSObject#verify}) computed by Bouncy Castle's RFC 8032 Ed25519
 * instead of Nimbus's default, Google Tink's. Same algorithm, same bytes: either one verifies what
 * the other signs (see the tests). The reason is cost: on the 2-core reference machine with the
 * server's C1-only JIT, Tink took about 330 µs and allocated about 600 KB per verification (a
 * {@code long[10]} per field operation), Bouncy Castle about 90 µs and 7 KB; every cast is one
 * verification and one signature (the receipt), and the allocation alone drove a young
 * collection every quarter of a second during the casting benchmark.
 */
public final class Ed25519Jws {

    private Ed25519Jws() {
    }

    /** Verifies {@code EdDSA} / {@code Ed25519} signatures with one public key. Thread-safe. */
    public static final class Verifier extends EdDSAProvider implements JWSVerifier, CriticalHeaderParamsAware {

        private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
        private final Ed25519PublicKeyParameters publicKey;

        /**
         * @param key an Ed25519 public (or private) OKP key; only its public part is used
         * @throws JOSEException if the key is not an Ed25519 key
         */
        public Verifier(OctetKeyPair key) throws JOSEException {
            if (!Curve.Ed25519.equals(key.getCurve())) {
                throw new JOSEException("Ed25519Jws.Verifier takes Ed25519 keys only");
            }
            byte[] x = key.getDecodedX();
            if (x.length != Ed25519PublicKeyParameters.KEY_SIZE) {
                throw new JOSEException("An Ed25519 public key is 32 bytes");
            }
            try {
                this.publicKey = new Ed25519PublicKeyParameters(x, 0);
            } catch (IllegalArgumentException e) {
                throw new JOSEException("Not an Ed25519 public key: " + e.getMessage(), e);
            }
        }

        @Override
        public Set<String> getProcessedCriticalHeaderParams() {
            return critPolicy.getProcessedCriticalHeaderParams();
        }

        @Override
        public Set<String> getDeferredCriticalHeaderParams() {
            return critPolicy.getDeferredCriticalHeaderParams();
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
                throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(),
                        supportedJWSAlgorithms()));
            }
            if (!critPolicy.headerPasses(header)) {
                return false;
            }
            byte[] bytes = signature.decode();
            if (bytes.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, publicKey);
            verifier.update(signingInput, 0, signingInput.length);
            return verifier.verifySignature(bytes);
        }
    }

    /** Signs with one Ed25519 private key ({@code alg} {@code EdDSA} or {@code Ed25519}). Thread-safe. */
    public static final class Signer extends EdDSAProvider implements JWSSigner {

        private final Ed25519PrivateKeyParameters privateKey;

        /**
         * @param key an Ed25519 private OKP key
         * @throws JOSEException if the key is not an Ed25519 private key
         */
        public Signer(OctetKeyPair key) throws JOSEException {
            if (!Curve.Ed25519.equals(key.getCurve()) || !key.isPrivate()) {
                throw new JOSEException("Ed25519Jws.Signer takes Ed25519 private keys only");
            }
            byte[] d = key.getDecodedD();
            if (d.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                throw new JOSEException("An Ed25519 private key is 32 bytes");
            }
            this.privateKey = new Ed25519PrivateKeyParameters(d, 0);
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
                throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(),
                        supportedJWSAlgorithms()));
            }
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, privateKey);
            signer.update(signingInput, 0, signingInput.length);
            return Base64URL.encode(signer.generateSignature());
        }
    }
}
