package org.herdbook.web.ballots.boundary;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.log.control.MerkleTreeHash;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.web.api.Refusal;

/**
 * Reads a ballot definition in the manifest's own vocabulary (README, "Ballots"): {@code title},
 * {@code text}, {@code options}, {@code method}, {@code opens}, {@code closes}, {@code recordDate}.
 * The rules the manifest names by default (tie-breaks, quota, transfer) are filled in, and a
 * yes/no/abstain ballot gets its three options. The manifest reader then checks everything, so a
 * definition is accepted exactly when it makes a valid manifest.
 */
final class BallotDrafts {

    /** Signs nothing: stands in for the foundation's key while the definition is checked. */
    private static final ServerKey PLACEHOLDER = ServerKey.generateEd25519();

    private BallotDrafts() {
    }

    static BallotManifest parse(String body, URI ballot) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body == null ? "" : body);
        } catch (ParseException e) {
            throw new Refusal("malformed-json", Response.Status.BAD_REQUEST);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ManifestCodec.FORMAT);
        manifest.put("ballot", ballot.toString());
        manifest.put("mode", "open");
        manifest.put("proposal", Map.of("title", orEmpty(json.get("title")), "text", orEmpty(json.get("text"))));
        Map<String, Object> method = json.get("method") instanceof Map<?, ?> m ? new LinkedHashMap<>(cast(m))
                : new LinkedHashMap<>();
        String type = String.valueOf(method.get("type"));
        switch (type) {
            case "yes-no-abstain" -> manifest.put("options", List.of(
                    option("yes", "Yes", "Oui"), option("no", "No", "Non"), option("abstain", "Abstain", "Abstention")));
            case "approval" -> method.putIfAbsent("tieBreak", ManifestCodec.APPROVAL_TIE_BREAK);
            case "instant-runoff" -> method.putIfAbsent("tieBreak", ManifestCodec.RANKED_TIE_BREAK);
            case "single-transferable-vote" -> {
                method.putIfAbsent("tieBreak", ManifestCodec.RANKED_TIE_BREAK);
                method.putIfAbsent("quota", CountingMethod.SingleTransferableVote.QUOTA);
                method.putIfAbsent("transfer", CountingMethod.SingleTransferableVote.TRANSFER);
            }
            default -> {
            }
        }
        manifest.putIfAbsent("options", json.getOrDefault("options", List.of()));
        manifest.put("method", method);
        manifest.put("opens", json.get("opens"));
        manifest.put("closes", json.get("closes"));
        manifest.put("recordDate", json.get("recordDate"));
        manifest.put("roll", Map.of("size", 0L, "rootHash", Base64URL.encode(MerkleTreeHash.emptyTreeHash()).toString()));
        manifest.put("serverKey", PLACEHOLDER.publicJwk().toJSONObject());
        try {
            return ManifestCodec.fromJson(manifest);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new Refusal("ballot-invalid", Response.Status.BAD_REQUEST, String.valueOf(e.getMessage()));
        }
    }

    private static Object orEmpty(Object value) {
        return value == null ? Map.of() : value;
    }

    private static Map<String, Object> option(String id, String en, String fr) {
        return Map.of("id", id, "label", Map.of("en", en, "fr", fr));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
