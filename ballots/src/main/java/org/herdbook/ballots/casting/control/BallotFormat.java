package org.herdbook.ballots.casting.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.ballots.keys.control.VerifyingKey;
import org.herdbook.ballots.manifest.control.ChoiceCodec;
import org.herdbook.ballots.manifest.control.JsonMembers;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;

/**
 * The signed vote format, checked without any server state, so that the web application's
 * {@link BallotVerifier} and the offline audit verifier apply the very same rules.
 *
 * <p>A vote is a compact JWS (RFC 7515) of at most {@value #MAX_LENGTH} characters:
 * <ul>
 *   <li>header: {@code alg} {@code EdDSA} (or {@code Ed25519}) or {@code ES256}; {@code typ}
 *       {@code vote+jwt}; {@code kid} the RFC 7638 thumbprint of the registered key; no
 *       {@code jwk}, {@code jku}, {@code x5c}, {@code x5u}, {@code x5t}, {@code x5t#S256}, no
 *       {@code crit};</li>
 *   <li>claims: {@code aud} the ballot URI, {@code manifestHash}, {@code choice} (see
 *       {@code ChoiceCodec}), {@code jti} (16 to 128 characters, random), {@code iat} (seconds),
 *       {@code seq} (a non-negative integer, higher for each revote). Other claims are ignored.</li>
 * </ul>
 * The ballot id is {@code base64url(SHA-256(ASCII(header "." payload)))} as received: the JWS
 * signing input, never the signature, which ECDSA lets anyone re-encode. Stateless.
 */
public final class BallotFormat {

    /** The {@code typ} of a vote. */
    public static final String TYPE = "vote+jwt";
    /** The longest compact vote accepted, in characters. */
    public static final int MAX_LENGTH = 16_384;
    /** Header parameters that carry or point to a key; keys come only from registration. */
    public static final Set<String> KEY_HEADERS = Set.of("jwk", "jku", "x5c", "x5u", "x5t", "x5t#S256");


    private BallotFormat() {
    }

    /**
     * A vote whose outer form and header passed the checks; its signature is not verified yet.
     *
     * @param jws the parsed JWS
     * @param alg its algorithm, one of the allowed ones
     * @param kid the key thumbprint it names
     * @param ballotId base64url SHA-256 of the signing input
     */
    public record ParsedBallot(JWSObject jws, JWSAlgorithm alg, String kid, String ballotId) {
    }

    /**
     * What a vote says once its signature is verified.
     *
     * @param jti the unique id
     * @param seq the revote sequence number
     * @param issuedAt the voter's {@code iat}
     * @param choice the choice
     */
    public record Claims(String jti, long seq, Instant issuedAt, Choice choice) {
    }

    /** @return whether {@code part} holds only the unpadded base64url alphabet (RFC 4648, section 5) */
    static boolean isBase64Url(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the size, the compact form and the header.
     *
     * @param compact the vote as received
     * @return the parsed vote
     * @throws BallotRejectedException {@code OVERSIZED}, {@code MALFORMED},
     *     {@code ALGORITHM_NOT_ALLOWED}, {@code EMBEDDED_KEY} or {@code WRONG_TYPE}
     */
    public static ParsedBallot parse(String compact) throws BallotRejectedException {
        if (compact == null || compact.isEmpty()) {
            throw new BallotRejectedException(Rejection.MALFORMED, "empty");
        }
        if (compact.length() > MAX_LENGTH) {
            throw new BallotRejectedException(Rejection.OVERSIZED, compact.length() + " characters");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || !isBase64Url(parts[0]) || !isBase64Url(parts[1]) || !isBase64Url(parts[2])) {
            throw new BallotRejectedException(Rejection.MALFORMED, "not a compact JWS");
        }
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(utf8(Base64URL.from(parts[0]).decode()));
        } catch (ParseException | CharacterCodingException e) {
            throw new BallotRejectedException(Rejection.MALFORMED, "the header is not a JSON object");
        }
        Object alg = header.get("alg");
        if (alg == null) {
            throw new BallotRejectedException(Rejection.MALFORMED, "no alg");
        }
        if (!(alg instanceof String name) || !KeyPolicy.ALLOWED_ALGORITHMS.contains(name)) {
            throw new BallotRejectedException(Rejection.ALGORITHM_NOT_ALLOWED, "alg " + alg);
        }
        for (String keyHeader : KEY_HEADERS) {
            if (header.containsKey(keyHeader)) {
                throw new BallotRejectedException(Rejection.EMBEDDED_KEY, "header " + keyHeader);
            }
        }
        if (!(header.get("typ") instanceof String typ) || !isVoteType(typ)) {
            throw new BallotRejectedException(Rejection.WRONG_TYPE, "typ " + header.get("typ"));
        }
        if (header.containsKey("crit") || header.containsKey("b64")) {
            throw new BallotRejectedException(Rejection.MALFORMED, "critical or unencoded-payload headers");
        }
        if (!(header.get("kid") instanceof String kid) || kid.isEmpty()) {
            throw new BallotRejectedException(Rejection.MALFORMED, "no kid");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new BallotRejectedException(Rejection.MALFORMED, e.getMessage());
        }
        return new ParsedBallot(jws, JWSAlgorithm.parse(name), kid, ballotId(jws.getSigningInput()));
    }

    /**
     * Verifies the signature with a key that came from registration (or from the audit bundle's
     * key list), never from the header.
     *
     * @param ballot the parsed vote
     * @param key the public key
     * @throws BallotRejectedException {@code UNKNOWN_KEY} if the key's thumbprint is not the
     *     {@code kid}, {@code KEY_ALGORITHM_MISMATCH}, or {@code BAD_SIGNATURE}
     */
    public static void verifySignature(ParsedBallot ballot, JWK key) throws BallotRejectedException {
        verifySignature(ballot, VerifyingKey.of(key));
    }

    /**
     * Verifies the signature with a registered key whose verifiers are kept (a voter's key
     * verifies each of their votes).
     *
     * @param ballot the parsed vote
     * @param key the public key, ready to verify
     * @throws BallotRejectedException as {@link #verifySignature(ParsedBallot, JWK)}
     */
    public static void verifySignature(ParsedBallot ballot, VerifyingKey key) throws BallotRejectedException {
        if (!key.thumbprint().map(ballot.kid()::equals).orElse(false)) {
            throw new BallotRejectedException(Rejection.UNKNOWN_KEY, "the key is not the one named by kid");
        }
        Optional<JWSVerifier> verifier = key.verifier(ballot.alg());
        if (verifier.isEmpty()) {
            throw new BallotRejectedException(Rejection.KEY_ALGORITHM_MISMATCH,
                    ballot.alg() + " with a " + key.key().getKeyType() + " key");
        }
        boolean valid;
        try {
            valid = ballot.jws().verify(verifier.get());
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new BallotRejectedException(Rejection.BAD_SIGNATURE, "the signature does not verify");
        }
    }

    /**
     * Reads and checks the claims of a vote whose signature is verified.
     *
     * @param ballot the parsed, verified vote
     * @param manifest the ballot's manifest
     * @param manifestHash its hash
     * @return the claims
     * @throws BallotRejectedException {@code INVALID_CLAIMS}, {@code WRONG_BALLOT},
     *     {@code WRONG_MANIFEST} or {@code INVALID_CHOICE}
     */
    public static Claims readClaims(ParsedBallot ballot, BallotManifest manifest, String manifestHash)
            throws BallotRejectedException {
        Map<String, Object> claims;
        try {
            claims = JSONObjectUtils.parse(utf8(ballot.jws().getPayload().toBytes()));
        } catch (ParseException | CharacterCodingException e) {
            throw new BallotRejectedException(Rejection.INVALID_CLAIMS, "the payload is not a JSON object");
        }
        Object aud = claims.get("aud");
        if (aud instanceof List<?> list && list.size() == 1) {
            aud = list.get(0);
        }
        if (!manifest.ballot().toString().equals(aud)) {
            throw new BallotRejectedException(Rejection.WRONG_BALLOT, "aud " + aud);
        }
        if (!manifestHash.equals(claims.get("manifestHash"))) {
            throw new BallotRejectedException(Rejection.WRONG_MANIFEST, "manifestHash " + claims.get("manifestHash"));
        }
        String jti;
        long seq;
        Instant issuedAt;
        try {
            jti = JsonMembers.string(claims, "jti");
            if (jti.length() < 16 || jti.length() > 128) {
                throw new IllegalArgumentException("jti must have 16 to 128 characters");
            }
            seq = JsonMembers.integer(claims, "seq");
            if (seq < 0) {
                throw new IllegalArgumentException("seq must not be negative");
            }
            issuedAt = Instant.ofEpochSecond(JsonMembers.integer(claims, "iat"));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new BallotRejectedException(Rejection.INVALID_CLAIMS, e.getMessage());
        }
        if (!claims.containsKey("choice")) {
            throw new BallotRejectedException(Rejection.INVALID_CLAIMS, "no choice");
        }
        Choice choice;
        try {
            choice = ChoiceCodec.parse(manifest, claims.get("choice"));
        } catch (IllegalArgumentException e) {
            throw new BallotRejectedException(Rejection.INVALID_CHOICE, e.getMessage());
        }
        return new Claims(jti, seq, issuedAt, choice);
    }

    /**
     * @param signingInput the ASCII bytes of {@code header "." payload}
     * @return the ballot id, base64url SHA-256
     */
    public static String ballotId(byte[] signingInput) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(signingInput)).toString();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }

    private static boolean isVoteType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        return lower.equals(TYPE) || lower.equals("application/" + TYPE);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }
}
