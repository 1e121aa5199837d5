package org.herdbook.ballots.audit.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to recount a closed ballot and check its log without the server (format
 * {@value #FORMAT}); the README documents the JSON. Immutable.
 *
 * @param manifest the manifest JSON, as hashed
 * @param manifestHash its hash
 * @param treeHeads every signed tree head the server published, oldest first, the last one
 *     covering the whole log
 * @param ballots every ballot in log order, superseded ones included
 * @param tally the tally JSON
 * @param result the signed result JWS
 */
public record AuditBundle(Map<String, Object> manifest, String manifestHash, List<String> treeHeads,
        List<Entry> ballots, Map<String, Object> tally, String result) {

    /** The {@code format} member of this version of the bundle. */
    public static final String FORMAT = "herdbook-audit-bundle/1";

    public AuditBundle {
        Objects.requireNonNull(manifest, "manifest must not be null");
        Objects.requireNonNull(manifestHash, "manifestHash must not be null");
        Objects.requireNonNull(tally, "tally must not be null");
        Objects.requireNonNull(result, "result must not be null");
        treeHeads = List.copyOf(treeHeads);
        ballots = List.copyOf(ballots);
    }

    /**
     * One ballot of the log.
     *
     * @param index its index in the log
     * @param ballotId its ballot id
     * @param jws the vote as received
     * @param key the voter's public JWK (pseudonymous: its thumbprint is the vote's {@code kid})
     * @param superseded whether a later vote (higher {@code seq}) of the same key replaced it
     */
    public record Entry(long index, String ballotId, String jws, Map<String, Object> key, boolean superseded) {
    }

    /** @return the bundle as JSON, to be written canonically */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("manifest", manifest);
        json.put("manifestHash", manifestHash);
        json.put("treeHeads", treeHeads);
        List<Object> entries = new ArrayList<>(ballots.size());
        for (Entry entry : ballots) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", entry.index());
            e.put("ballotId", entry.ballotId());
            e.put("jws", entry.jws());
            e.put("key", entry.key());
            e.put("superseded", entry.superseded());
            entries.add(e);
        }
        json.put("ballots", entries);
        json.put("tally", tally);
        json.put("result", result);
        return json;
    }
}
