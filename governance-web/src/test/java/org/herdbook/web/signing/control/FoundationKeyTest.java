package org.herdbook.web.signing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationKeyTest {

    @TempDir
    Path directory;

    private static FoundationKey key(String configured, Path file, String retired) {
        FoundationKey key = new FoundationKey();
        key.configuredKey = Optional.ofNullable(configured);
        key.configuredFile = Optional.ofNullable(file).map(Path::toString);
        key.retiredKeys = Optional.ofNullable(retired);
        key.load();
        return key;
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceReadableByItsOwnerOnlyAndReusedAfterARestart() throws Exception {
        Path file = directory.resolve("keys").resolve("signing-key.jwk");
        FoundationKey first = key(null, file, null);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(OctetKeyPair.parse(Files.readString(file)).isPrivate()).isTrue();

        FoundationKey afterRestart = key(null, file, null);
        assertThat(afterRestart.current().kid()).isEqualTo(first.current().kid());

        String jws = afterRestart.current().sign("test+jwt", Map.of("n", 1));
        OctetKeyPair published = (OctetKeyPair) JWKSet.parse(first.publicKeys()).getKeys().get(0);
        assertThat(JWSObject.parse(jws).verify(new Ed25519Verifier(published))).isTrue();
    }

    @Test
    void theEnvironmentsKeyWinsAndOnlyPublicHalvesArePublished() throws Exception {
        OctetKeyPair configured = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        FoundationKey key = key(configured.toJSONString(), directory.resolve("unused.jwk"), null);
        assertThat(key.current().kid()).isEqualTo(configured.computeThumbprint().toString());
        assertThat(Files.exists(directory.resolve("unused.jwk"))).isFalse();
        assertThat(key.publicKeys()).contains(configured.getX().toString()).doesNotContain("\"d\"")
                .doesNotContain(configured.getD().toString());
    }

    @Test
    void retiredKeysStayPublishedAfterTheCurrentOne() throws Exception {
        var retired = new ECKeyGenerator(Curve.P_256).generate();
        FoundationKey key = key(null, directory.resolve("k.jwk"),
                new JWKSet(retired).toString(false));
        var keys = JWKSet.parse(key.publicKeys()).getKeys();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).computeThumbprint().toString()).isEqualTo(key.current().kid());
        assertThat(keys.get(1).isPrivate()).isFalse();
        assertThat(keys.get(1).computeThumbprint()).isEqualTo(retired.computeThumbprint());
    }

    @Test
    void aPublicOnlyOrMalformedKeyStopsTheStartWithTheReason() throws Exception {
        OctetKeyPair configured = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        assertThatThrownBy(() -> key(configured.toPublicJWK().toJSONString(), null, null))
                .hasMessageContaining("HERDBOOK_SIGNING_KEY holds a public key only");
        assertThatThrownBy(() -> key("{not json", null, null)).hasMessageContaining("HERDBOOK_SIGNING_KEY is not a JWK");
    }
}
