package org.herdbook.ballots.manifest.control;

import static org.herdbook.ballots.manifest.control.JsonMembers.array;
import static org.herdbook.ballots.manifest.control.JsonMembers.asObject;
import static org.herdbook.ballots.manifest.control.JsonMembers.integer;
import static org.herdbook.ballots.manifest.control.JsonMembers.object;
import static org.herdbook.ballots.manifest.control.JsonMembers.string;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigDecimal;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.BallotMode;
import org.herdbook.ballots.manifest.entity.BallotOption;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.LocalizedText;
import org.herdbook.ballots.manifest.entity.Proposal;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.RollDigest;
import org.herdbook.ballots.manifest.entity.Threshold;

/**
 * The manifest's JSON form (format {@value #FORMAT}) and its hash.
 *
 * <p>The manifest hash is {@code base64url(SHA-256(JCS(manifest JSON)))} without padding, JCS
 * being RFC 8785 ({@link CanonicalJson}). Every vote carries it in its {@code manifestHash}
 * claim, the result and the audit bundle name it, and anyone can recompute it from the published
 * manifest. The README documents every member.
 *
 * <p>Reading is strict: unknown formats, modes, methods, quotas, transfer rules and tie-break
 * rules are refused, so that a verifier never counts by rules it does not implement.
 * Stateless and thread-safe.
 */
public final class ManifestCodec {

    /** The {@code format} member of this version of the manifest. */
    public static final String FORMAT = "herdbook-ballot-manifest/1";
    /** The tie-break rule of ranked methods, as the manifest names it. */
    public static final String RANKED_TIE_BREAK = "previous-rounds-then-lot";
    /** The tie-break rule of approval voting, as the manifest names it. */
    public static final String APPROVAL_TIE_BREAK = "lot";

    private ManifestCodec() {
    }

    /**
     * @param manifest the manifest, not null
     * @return its JSON object; members in a fixed order, though only the canonical form is hashed
     */
    public static Map<String, Object> toJson(BallotManifest manifest) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("ballot", manifest.ballot().toString());
        json.put("mode", manifest.mode().json());
        json.put("proposal", Map.of(
                "title", text(manifest.proposal().title()),
                "text", text(manifest.proposal().text())));
        List<Object> options = new ArrayList<>();
        for (BallotOption option : manifest.options()) {
            options.add(Map.of("id", option.id(), "label", text(option.label())));
        }
        json.put("options", options);
        json.put("method", method(manifest.method()));
        json.put("opens", manifest.opens().toString());
        json.put("closes", manifest.closes().toString());
        json.put("recordDate", manifest.recordDate().toString());
        json.put("roll", Map.of("size", manifest.roll().size(), "rootHash", manifest.roll().rootHash()));
        json.put("serverKey", manifest.serverKey().toPublicJWK().toJSONObject());
        return json;
    }

    /**
     * @param json a manifest's JSON object, as parsed
     * @return the manifest
     * @throws IllegalArgumentException if it is not a valid manifest of this format
     */
    public static BallotManifest fromJson(Map<String, Object> json) {
        if (!FORMAT.equals(json.get("format"))) {
            throw new IllegalArgumentException("\"format\" must be " + FORMAT);
        }
        Map<String, Object> proposal = object(json, "proposal");
        List<BallotOption> options = new ArrayList<>();
        for (Object element : array(json, "options")) {
            Map<String, Object> option = asObject(element, "an option");
            options.add(new BallotOption(string(option, "id"), text(object(option, "label"))));
        }
        Map<String, Object> roll = object(json, "roll");
        JWK serverKey;
        try {
            serverKey = JWK.parse(object(json, "serverKey"));
        } catch (ParseException e) {
            throw new IllegalArgumentException("\"serverKey\" is not a JWK: " + e.getMessage(), e);
        }
        try {
            return new BallotManifest(
                    URI.create(string(json, "ballot")),
                    BallotMode.fromJson(string(json, "mode")),
                    new Proposal(text(object(proposal, "title")), text(object(proposal, "text"))),
                    options,
                    method(object(json, "method")),
                    Instant.parse(string(json, "opens")),
                    Instant.parse(string(json, "closes")),
                    LocalDate.parse(string(json, "recordDate")),
                    new RollDigest(integer(roll, "size"), string(roll, "rootHash")),
                    serverKey);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * @param manifest the manifest, not null
     * @return {@code base64url(SHA-256(JCS(toJson(manifest))))}, 43 characters
     */
    public static String hash(BallotManifest manifest) {
        return hash(toJson(manifest));
    }

    /**
     * @param json a manifest's JSON object exactly as published
     * @return {@code base64url(SHA-256(JCS(json)))}
     */
    public static String hash(Map<String, Object> json) {
        return Base64URL.encode(sha256(CanonicalJson.bytes(json))).toString();
    }

    private static Map<String, Object> method(CountingMethod method) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", method.type());
        if (method instanceof CountingMethod.YesNoAbstain yna) {
            json.put("quorum", yna.quorum() instanceof Quorum.Count count
                    ? Map.of("count", count.ballots())
                    : Map.of("percentOfRoll", ((Quorum.PercentOfRoll) yna.quorum()).percent().toPlainString()));
            json.put("threshold", yna.threshold().json());
        } else if (method instanceof CountingMethod.Approval approval) {
            json.put("winners", approval.winners());
            json.put("tieBreak", APPROVAL_TIE_BREAK);
        } else if (method instanceof CountingMethod.InstantRunoff) {
            json.put("tieBreak", RANKED_TIE_BREAK);
        } else {
            json.put("seats", ((CountingMethod.SingleTransferableVote) method).seats());
            json.put("quota", CountingMethod.SingleTransferableVote.QUOTA);
            json.put("transfer", CountingMethod.SingleTransferableVote.TRANSFER);
            json.put("tieBreak", RANKED_TIE_BREAK);
        }
        return json;
    }

    private static CountingMethod method(Map<String, Object> json) {
        String type = string(json, "type");
        switch (type) {
            case "yes-no-abstain" -> {
                Map<String, Object> quorum = object(json, "quorum");
                Quorum q;
                if (quorum.containsKey("count") && quorum.size() == 1) {
                    q = new Quorum.Count(integer(quorum, "count"));
                } else if (quorum.containsKey("percentOfRoll") && quorum.size() == 1) {
                    q = new Quorum.PercentOfRoll(new BigDecimal(string(quorum, "percentOfRoll")));
                } else {
                    throw new IllegalArgumentException("A quorum is {\"count\": n} or {\"percentOfRoll\": \"p\"}");
                }
                return new CountingMethod.YesNoAbstain(q, Threshold.fromJson(string(json, "threshold")));
            }
            case "approval" -> {
                expect(json, "tieBreak", APPROVAL_TIE_BREAK);
                return new CountingMethod.Approval(Math.toIntExact(integer(json, "winners")));
            }
            case "instant-runoff" -> {
                expect(json, "tieBreak", RANKED_TIE_BREAK);
                return new CountingMethod.InstantRunoff();
            }
            case "single-transferable-vote" -> {
                expect(json, "quota", CountingMethod.SingleTransferableVote.QUOTA);
                expect(json, "transfer", CountingMethod.SingleTransferableVote.TRANSFER);
                expect(json, "tieBreak", RANKED_TIE_BREAK);
                return new CountingMethod.SingleTransferableVote(Math.toIntExact(integer(json, "seats")));
            }
            default -> throw new IllegalArgumentException("Unknown counting method: " + type);
        }
    }

    private static void expect(Map<String, Object> json, String name, String value) {
        if (!value.equals(json.get(name))) {
            throw new IllegalArgumentException("\"" + name + "\" must be \"" + value + "\"");
        }
    }

    private static Map<String, Object> text(LocalizedText text) {
        return Map.of("en", text.en(), "fr", text.fr());
    }

    private static LocalizedText text(Map<String, Object> json) {
        return new LocalizedText(string(json, "en"), string(json, "fr"));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", impossible);
        }
    }
}
