package org.herdbook.web.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashes through Jakarta Security's PBKDF2 implementation, with parameters at the
 * level OWASP recommends (PBKDF2-HMAC-SHA512, 210,000 iterations, 32-byte salt). Stored hashes
 * carry their own parameters, so raising these later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    /** Longer passwords are refused before hashing: hashing megabytes is a denial of service. */
    public static final int MAXIMUM_LENGTH = 200;
    public static final int MINIMUM_LENGTH = 12;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** A hash of a password nobody knows, verified when an account does not exist so both take as long. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy password never used".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** True when {@code password} matches {@code storedHash}; a null hash never matches. */
    public boolean matches(char[] password, String storedHash) {
        if (password.length > MAXIMUM_LENGTH) {
            return false;
        }
        if (storedHash == null) {
            pbkdf2.verify(password, decoy);
            return false;
        }
        return pbkdf2.verify(password, storedHash);
    }

    /** Spends the time of one verification, for callers that found no account. */
    public void spendVerificationTime(char[] password) {
        matches(password, null);
    }

    /** The reason a new password is refused, or null when it is acceptable. */
    public static String weaknessOf(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return "password.too-short";
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return "password.too-long";
        }
        return null;
    }
}
