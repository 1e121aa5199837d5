package org.herdbook.ballots;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ChoiceCodec;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.BallotMode;
import org.herdbook.ballots.manifest.entity.BallotOption;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.LocalizedText;
import org.herdbook.ballots.manifest.entity.Proposal;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.RollDigest;
import org.herdbook.ballots.manifest.entity.Threshold;

/**
 * Named fixtures for ballot tests: manifests, voter keys (real Ed25519 and P-256 keys made per
 * test) and votes signed the way any JOSE library would sign them.
 */
public final class TestBallots {

    public static final URI BALLOT = URI.create("https://herdbook.example/ballots/6f1d1c52-2b0e-4f57-9d4c-1f0e1e2a7b10");
    public static final Instant OPENS = Instant.parse("2026-05-01T12:00:00Z");
    public static final Instant CLOSES = Instant.parse("2026-05-08T12:00:00Z");
    public static final Instant DURING = Instant.parse("2026-05-03T09:30:00Z");
    public static final LocalDate RECORD_DATE = LocalDate.parse("2026-04-24");
    public static final String ROLL_ROOT = Base64URL.encode(new byte[32]).toString();
    public static final SecureRandom RANDOM = new SecureRandom();

    private TestBallots() {
    }

    public static BallotManifest yesNo(Quorum quorum, Threshold threshold, long rollSize, ServerKey key) {
        return manifest(new CountingMethod.YesNoAbstain(quorum, threshold), BallotManifest.YES_NO_ABSTAIN_IDS, rollSize,
                key);
    }

    public static BallotManifest manifest(CountingMethod method, List<String> optionIds, long rollSize, ServerKey key) {
        List<BallotOption> options = new ArrayList<>();
        for (String id : optionIds) {
            options.add(new BallotOption(id, new LocalizedText("Option " + id, "Option " + id)));
        }
        return new BallotManifest(BALLOT, BallotMode.OPEN,
                new Proposal(new LocalizedText("Instance policy", "Politique de l’instance"),
                        new LocalizedText("Shall we adopt it?", "L’adoptons-nous ?")),
                options, method, OPENS, CLOSES, RECORD_DATE, new RollDigest(rollSize, ROLL_ROOT), key.publicJwk());
    }

    /** A voter's key pair, as a browser would hold it. */
    public record VoterKey(JWK privateKey, JWSAlgorithm alg) {

        public static VoterKey ed25519() {
            try {
                return new VoterKey(new OctetKeyPairGenerator(Curve.Ed25519).generate(), JWSAlgorithm.EdDSA);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public static VoterKey es256() {
            try {
                return new VoterKey(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public JWK publicKey() {
            return privateKey.toPublicJWK();
        }

        public String kid() {
            return KeyPolicy.thumbprint(publicKey());
        }

        JWSSigner signer() throws JOSEException {
            return privateKey instanceof OctetKeyPair okp ? new Ed25519Signer(okp) : new ECDSASigner((ECKey) privateKey);
        }

        /** @return a vote with the standard header and these claims */
        public String sign(Map<String, Object> claims) {
            return sign(new JWSHeader.Builder(alg).type(new JOSEObjectType("vote+jwt")).keyID(kid()).build(), claims);
        }

        /** @return a vote with this header and these claims */
        public String sign(JWSHeader header, Map<String, Object> claims) {
            try {
                JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
                jws.sign(signer());
                return jws.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** @return the claims of a vote on that manifest */
    public static Map<String, Object> claims(BallotManifest manifest, Choice choice, long seq) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", manifest.ballot().toString());
        claims.put("manifestHash", ManifestCodec.hash(manifest));
        claims.put("choice", ChoiceCodec.toClaim(choice));
        claims.put("jti", randomJti());
        claims.put("iat", DURING.getEpochSecond());
        claims.put("seq", seq);
        return claims;
    }

    public static String randomJti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }

    /** @return a JWS-shaped string with any header, any payload and any signature bytes */
    public static String rawJws(Map<String, Object> header, Map<String, Object> claims, byte[] signature) {
        return b64(CanonicalJson.write(header)) + "." + b64(CanonicalJson.write(claims)) + "."
                + Base64URL.encode(signature);
    }

    public static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Choice.Answer answer(Choice.Answer.Value value) {
        return new Choice.Answer(value);
    }

    public static Choice.Ranking ranking(String... ids) {
        return new Choice.Ranking(List.of(ids));
    }

    public static Choice.Approvals approvals(String... ids) {
        return new Choice.Approvals(List.of(ids));
    }

    /** @return {@code count} copies of a choice */
    public static List<Choice> times(int count, Choice choice) {
        List<Choice> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(choice);
        }
        return list;
    }
}
