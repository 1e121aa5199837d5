package org.herdbook.ballots.keys.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyingKeyTest {

    @Test
    void anEd25519KeyKeepsOneVerifierThatVerifiesWhatItsKeySignedAndNothingElse() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        OctetKeyPair other = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        VerifyingKey verifying = VerifyingKey.of(key.toPublicJWK());

        assertThat(verifying.acceptable()).isTrue();
        assertThat(verifying.thumbprint()).contains(key.toPublicJWK().computeThumbprint().toString());
        JWSVerifier verifier = verifying.verifier(JWSAlgorithm.EdDSA).orElseThrow();
        assertThat(verifying.verifier(JWSAlgorithm.EdDSA)).containsSame(verifier);
        assertThat(verifying.verifier(JWSAlgorithm.Ed25519)).isPresent();
        assertThat(verifying.verifier(JWSAlgorithm.ES256)).isEmpty();
        assertThat(verifying.verifier(JWSAlgorithm.HS256)).isEmpty();
        assertThat(verifying.verifier(new JWSAlgorithm("none"))).isEmpty();

        assertThat(signed(JWSAlgorithm.EdDSA, key).verify(verifier)).isTrue();
        assertThat(signed(JWSAlgorithm.EdDSA, other).verify(verifier)).isFalse();
        // The kept verifier is used again and again: a good signature after a bad one still verifies.
        assertThat(signed(JWSAlgorithm.EdDSA, key).verify(verifying.verifier(JWSAlgorithm.EdDSA).orElseThrow()))
                .isTrue();
    }

    @Test
    void aP256KeyVerifiesEs256Only() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        VerifyingKey verifying = VerifyingKey.of(key.toPublicJWK());
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(Map.of("seq", 1)));
        jws.sign(new ECDSASigner(key));
        assertThat(jws.verify(verifying.verifier(JWSAlgorithm.ES256).orElseThrow())).isTrue();
        assertThat(verifying.verifier(JWSAlgorithm.EdDSA)).isEmpty();
        assertThat(verifying.verifier(JWSAlgorithm.ES384)).isEmpty();
    }

    @Test
    void keysThePolicyRefusesHaveNoThumbprintAndNoVerifier() throws Exception {
        OctetKeyPair privateKey = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        RSAKey rsa = new RSAKeyGenerator(2048).generate().toPublicJWK();
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate().toPublicJWK();
        for (var key : java.util.List.of(privateKey, rsa, p384)) {
            VerifyingKey verifying = VerifyingKey.of(key);
            assertThat(verifying.acceptable()).as(key.getKeyType().getValue()).isFalse();
            assertThat(verifying.thumbprint()).isEqualTo(Optional.empty());
            for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.EdDSA, JWSAlgorithm.ES256, JWSAlgorithm.RS256}) {
                assertThat(verifying.verifier(alg)).isEmpty();
            }
        }
        assertThat(VerifyingKey.of(rsa)).isEqualTo(VerifyingKey.of(rsa)).isNotEqualTo(VerifyingKey.of(p384));
    }

    private static JWSObject signed(JWSAlgorithm alg, OctetKeyPair key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(alg), new Payload(Map.of("choice", "yes")));
        jws.sign(new Ed25519Jws.Signer(key));
        return JWSObject.parse(jws.serialize());
    }
}
