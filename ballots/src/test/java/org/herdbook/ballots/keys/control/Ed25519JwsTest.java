package org.herdbook.ballots.keys.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519JwsTest {

    private final OctetKeyPair key = generate();
    private final OctetKeyPair other = generate();

    private static OctetKeyPair generate() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSObject vote(JWSAlgorithm alg) {
        return new JWSObject(new JWSHeader.Builder(alg).type(new JOSEObjectType("vote+jwt")).build(),
                new Payload(Map.of("choice", "yes", "seq", 3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "Ed25519"})
    void whatTinkSignsVerifiesHereAndWhatIsSignedHereVerifiesWithTink(String alg) throws Exception {
        JWSObject byTink = vote(JWSAlgorithm.parse(alg));
        byTink.sign(new Ed25519Signer(key));
        assertThat(JWSObject.parse(byTink.serialize()).verify(new Ed25519Jws.Verifier(key.toPublicJWK()))).isTrue();

        JWSObject byBouncyCastle = vote(JWSAlgorithm.parse(alg));
        byBouncyCastle.sign(new Ed25519Jws.Signer(key));
        assertThat(JWSObject.parse(byBouncyCastle.serialize()).verify(new Ed25519Verifier(key.toPublicJWK()))).isTrue();
        // Ed25519 is deterministic: both libraries produce the very same signature.
        assertThat(byBouncyCastle.getSignature()).isEqualTo(byTink.getSignature());
    }

    @Test
    void anotherKeyAnAlteredPayloadOrAnAlteredSignatureDoNotVerify() throws Exception {
        JWSObject signed = vote(JWSAlgorithm.EdDSA);
        signed.sign(new Ed25519Jws.Signer(key));
        String[] parts = signed.serialize().split("\\.");
        assertThat(JWSObject.parse(signed.serialize()).verify(new Ed25519Jws.Verifier(other.toPublicJWK()))).isFalse();

        String otherPayload = Base64URL.encode("{\"choice\":\"no\",\"seq\":3}").toString();
        assertThat(JWSObject.parse(parts[0] + "." + otherPayload + "." + parts[2])
                .verify(new Ed25519Jws.Verifier(key.toPublicJWK()))).isFalse();

        byte[] signature = new Base64URL(parts[2]).decode();
        signature[10] ^= 0x01;
        assertThat(JWSObject.parse(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature))
                .verify(new Ed25519Jws.Verifier(key.toPublicJWK()))).isFalse();
        byte[] truncated = java.util.Arrays.copyOf(new Base64URL(parts[2]).decode(), 63);
        assertThat(JWSObject.parse(parts[0] + "." + parts[1] + "." + Base64URL.encode(truncated))
                .verify(new Ed25519Jws.Verifier(key.toPublicJWK()))).isFalse();
    }

    @Test
    void aCriticalHeaderNobodyProcessesFailsVerification() throws Exception {
        JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(Set.of("exp"))
                .customParam("exp", 1).build(), new Payload("{}"));
        signed.sign(new Ed25519Jws.Signer(key));
        assertThat(JWSObject.parse(signed.serialize()).verify(new Ed25519Jws.Verifier(key.toPublicJWK()))).isFalse();
    }

    @Test
    void otherAlgorithmsAndOtherKeysAreRefused() throws Exception {
        JWSHeader es256 = new JWSHeader.Builder(JWSAlgorithm.ES256).build();
        assertThatThrownBy(() -> new Ed25519Jws.Signer(key).sign(es256, new byte[] {1}))
                .isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> new Ed25519Jws.Verifier(key.toPublicJWK()).verify(es256, new byte[] {1},
                Base64URL.encode(new byte[64]))).isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> new Ed25519Jws.Signer(key.toPublicJWK())).isInstanceOf(JOSEException.class);
        OctetKeyPair x25519 = new OctetKeyPairGenerator(Curve.X25519).generate();
        assertThatThrownBy(() -> new Ed25519Jws.Verifier(x25519.toPublicJWK())).isInstanceOf(JOSEException.class);
    }
}
