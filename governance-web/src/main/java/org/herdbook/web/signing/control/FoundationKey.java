package org.herdbook.web.signing.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.ballots.keys.control.ServerKey;

/**
 * The foundation's signing key (see the package description for where it comes from). Retired
 * public keys ({@code HERDBOOK_SIGNING_KEYS_RETIRED}, a JWK set of public keys) stay published so
 * that what they signed can still be checked after a key change.
 */
@ApplicationScoped
public class FoundationKey {

    private static final Logger LOG = Logger.getLogger(FoundationKey.class.getName());

    @Inject
    @ConfigProperty(name = "herdbook.signing-key")
    Optional<String> configuredKey;
    @Inject
    @ConfigProperty(name = "herdbook.signing-key-file")
    Optional<String> configuredFile;
    @Inject
    @ConfigProperty(name = "herdbook.signing-keys-retired")
    Optional<String> retiredKeys;

    private ServerKey key;
    private JWKSet published;

    @PostConstruct
    void load() {
        key = configuredKey.filter(value -> !value.isBlank())
                .map(value -> ServerKey.of(parse(value, "HERDBOOK_SIGNING_KEY")))
                .orElseGet(() -> fromFile(configuredFile.filter(value -> !value.isBlank()).map(Path::of)
                        .orElse(Path.of(System.getProperty("user.home"), ".herdbook", "signing-key.jwk"))));
        List<JWK> keys = new ArrayList<>();
        keys.add(key.publicJwk());
        retiredKeys.filter(value -> !value.isBlank()).ifPresent(value -> {
            try {
                JWKSet.parse(value).getKeys().stream().map(JWK::toPublicJWK)
                        .filter(retired -> !retired.equals(key.publicJwk())).forEach(keys::add);
            } catch (ParseException e) {
                throw new IllegalStateException("HERDBOOK_SIGNING_KEYS_RETIRED is not a JWK set: " + e.getMessage(), e);
            }
        });
        published = new JWKSet(keys);
        LOG.info(() -> "The foundation signs with key " + key.kid() + " (" + key.publicJwk().getKeyType() + ").");
    }

    /** The key that signs; its {@code kid} is its RFC 7638 thumbprint. */
    public ServerKey current() {
        return key;
    }

    /** The public keys to publish, as a JWK set in JSON: the current one first, then the retired ones. */
    public String publicKeys() {
        return published.toString(true);
    }

    /** Loaded at start, so that a missing or unusable key shows in the log at once, not at the first vote. */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        key.kid();
    }

    private static JWK parse(String json, String source) {
        try {
            JWK jwk = JWK.parse(json);
            if (!jwk.isPrivate()) {
                throw new IllegalStateException(source + " holds a public key only: the foundation needs the private key");
            }
            return jwk;
        } catch (ParseException e) {
            throw new IllegalStateException(source + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static OctetKeyPair generate() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an Ed25519 key", e);
        }
    }

    private static ServerKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return ServerKey.of(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            OctetKeyPair generated = generate();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                return ServerKey.of(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8);
            LOG.warning(() -> "HERDBOOK_SIGNING_KEY is not set: generated a signing key in " + file
                    + ". Fine for one server; for production, or several servers, set HERDBOOK_SIGNING_KEY to the"
                    + " private JWK (and keep a copy: what it signed cannot be re-signed).");
            return ServerKey.of(generated);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the signing key file " + file + ": " + e.getMessage(), e);
        }
    }
}
