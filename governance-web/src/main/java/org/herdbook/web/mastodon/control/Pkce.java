package org.herdbook.web.mastodon.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636) with the S256 method, and the OAuth {@code state}. */
public final class Pkce {

    public static final String METHOD = "S256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /** A code verifier: 256 random bits as 43 unreserved characters (RFC 7636 section 4.1). */
    public static String newVerifier() {
        return random256Bits();
    }

    /** An unguessable {@code state}: 256 random bits, URL-safe. */
    public static String newState() {
        return random256Bits();
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), the S256 code challenge (RFC 7636 section 4.2). */
    public static String challengeOf(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String random256Bits() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
