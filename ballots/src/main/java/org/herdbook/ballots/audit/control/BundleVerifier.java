package org.herdbook.ballots.audit.control;

import static org.herdbook.ballots.manifest.control.JsonMembers.array;
import static org.herdbook.ballots.manifest.control.JsonMembers.asObject;
import static org.herdbook.ballots.manifest.control.JsonMembers.integer;
import static org.herdbook.ballots.manifest.control.JsonMembers.object;
import static org.herdbook.ballots.manifest.control.JsonMembers.string;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.audit.entity.Finding;
import org.herdbook.ballots.audit.entity.VerificationReport;
import org.herdbook.ballots.casting.control.BallotFormat;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.ballots.log.control.LogSignatures;
import org.herdbook.ballots.log.control.MerkleTree;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.tally.control.Counting;
import org.herdbook.ballots.tally.control.SignedResults;
import org.herdbook.ballots.tally.entity.TallyResult;

/**
 * Checks an audit bundle without the server, trusting only the bundle's manifest (whose hash
 * members hold from their own votes) and the server key it publishes:
 * <ol>
 *   <li>the manifest hash is the hash of the manifest;</li>
 *   <li>every ballot is a valid vote on that manifest (the same rules as at casting), signed by
 *       its bundled key whose thumbprint is its {@code kid}; its ballot id is the hash of its
 *       signed bytes; entries are numbered 0, 1, 2… in log order;</li>
 *   <li>no {@code jti} repeats; each key's {@code seq} only grows along the log; the superseded
 *       marks are exactly the revotes replaced by a higher {@code seq}; no more keys voted than
 *       the roll has members;</li>
 *   <li>every signed tree head is signed by the server key and its root is the root of that
 *       many first ballots; one covers the whole log;</li>
 *   <li>the result is signed by the server key, names this manifest and the whole log's size and
 *       root, and its tally equals the bundle's tally and the recount of the ballots that
 *       count.</li>
 * </ol>
 * Every mismatch becomes a {@link Finding}; the bundle verifies when there is none. The recount
 * is made only when every ballot is valid (an invalid ballot already fails the bundle, and no
 * count of the rest would be the election's). Ballots are checked in parallel. Stateless and
 * thread-safe.
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /**
     * @param bundleJson the bundle's JSON text
     * @return the report
     */
    public static VerificationReport verify(String bundleJson) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(bundleJson, -1);
        } catch (ParseException e) {
            return unreadable(e.getMessage());
        }
        return verify(json);
    }

    /**
     * @param bundle a bundle as built by the server
     * @return the report
     */
    public static VerificationReport verify(AuditBundle bundle) {
        try {
            return verify(JSONObjectUtils.parse(CanonicalJson.write(bundle.toJson()), -1));
        } catch (ParseException e) {
            return unreadable(e.getMessage());
        }
    }

    /**
     * @param json a bundle's parsed JSON
     * @return the report
     */
    public static VerificationReport verify(Map<String, Object> json) {
        List<Finding> findings = new ArrayList<>();
        BallotManifest manifest;
        String manifestHash;
        List<Object> entries;
        List<Object> heads;
        Map<String, Object> tally;
        String result;
        try {
            if (!AuditBundle.FORMAT.equals(json.get("format"))) {
                throw new IllegalArgumentException("\"format\" is not " + AuditBundle.FORMAT);
            }
            Map<String, Object> manifestJson = object(json, "manifest");
            manifestHash = string(json, "manifestHash");
            entries = array(json, "ballots");
            heads = array(json, "treeHeads");
            tally = object(json, "tally");
            result = string(json, "result");
            try {
                manifest = ManifestCodec.fromJson(manifestJson);
            } catch (IllegalArgumentException e) {
                return new VerificationReport(null, 0, 0, null, List.of(Finding.of("manifest-invalid", e.getMessage())));
            }
            String recomputed = ManifestCodec.hash(manifestJson);
            if (!recomputed.equals(manifestHash)) {
                findings.add(Finding.of("manifest-hash", manifestHash, recomputed));
                manifestHash = recomputed;
            }
        } catch (IllegalArgumentException e) {
            return unreadable(e.getMessage());
        }
        JWK serverKey = manifest.serverKey();
        Optional<String> keyProblem = KeyPolicy.problemWith(serverKey);
        if (keyProblem.isPresent()) {
            findings.add(Finding.of("server-key", keyProblem.get()));
            return new VerificationReport(manifest.ballot().toString(), entries.size(), 0, null, findings);
        }

        int n = entries.size();
        Checked[] checked = new Checked[n];
        BallotManifest m = manifest;
        String hash = manifestHash;
        IntStream.range(0, n).parallel().forEach(i -> checked[i] = check(i, entries.get(i), m, hash));

        List<String> kids = new ArrayList<>(n);
        long[] seqs = new long[n];
        List<byte[]> leaves = new ArrayList<>(n);
        Set<String> jtis = new HashSet<>();
        java.util.Map<String, Long> lastSeq = new java.util.HashMap<>();
        boolean allValid = true;
        for (int i = 0; i < n; i++) {
            Checked c = checked[i];
            findings.addAll(c.findings);
            leaves.add(c.leaf);
            if (c.claims == null) {
                allValid = false;
                kids.add("invalid:" + i);
                continue;
            }
            kids.add(c.kid);
            seqs[i] = c.claims.seq();
            if (!jtis.add(c.claims.jti())) {
                findings.add(Finding.of("ballot-replayed", i));
            }
            Long previous = lastSeq.put(c.kid, c.claims.seq());
            if (previous != null && c.claims.seq() <= previous) {
                findings.add(Finding.of("ballot-sequence", i));
            }
        }
        boolean[] superseded = Revotes.superseded(kids, seqs);
        List<Choice> counted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (checked[i].superseded != null && checked[i].superseded != superseded[i]) {
                findings.add(Finding.of("superseded-mark", i));
            }
            if (checked[i].claims != null && !superseded[i]) {
                counted.add(checked[i].claims.choice());
            }
        }
        long voters = kids.stream().filter(k -> !k.startsWith("invalid:")).distinct().count();
        if (voters > manifest.roll().size()) {
            findings.add(Finding.of("roll-exceeded", voters, manifest.roll().size()));
        }

        MerkleTree tree = MerkleTree.of(leaves);
        String root = Base64URL.encode(tree.rootHash()).toString();
        boolean wholeLogHead = false;
        for (int h = 0; h < heads.size(); h++) {
            Optional<SignedTreeHead> head = heads.get(h) instanceof String s
                    ? LogSignatures.readTreeHead(s, serverKey) : Optional.empty();
            if (head.isEmpty() || !head.get().ballot().equals(manifest.ballot())) {
                findings.add(Finding.of("tree-head-signature", h));
                continue;
            }
            long size = head.get().treeSize();
            if (size < 0 || size > n
                    || !Base64URL.encode(tree.rootHash((int) size)).toString().equals(head.get().rootHash())) {
                findings.add(Finding.of("tree-head-root", h, size));
            } else if (size == n) {
                wholeLogHead = true;
            }
        }
        if (!wholeLogHead) {
            findings.add(Finding.of("final-tree-head", n));
        }

        Map<String, Object> recount = null;
        if (allValid) {
            TallyResult tallied = Counting.count(manifest, manifestHash, counted);
            recount = tallied.toJson();
            if (!CanonicalJson.write(recount).equals(CanonicalJson.write(tally))) {
                findings.add(Finding.of("tally-recount"));
            }
        }
        Optional<Map<String, Object>> signed = SignedResults.read(result, serverKey);
        if (signed.isEmpty()) {
            findings.add(Finding.of("result-signature"));
        } else {
            Map<String, Object> claims = signed.get();
            if (!manifest.ballot().toString().equals(claims.get("ballot"))
                    || !manifestHash.equals(claims.get("manifestHash"))) {
                findings.add(Finding.of("result-manifest"));
            }
            Object size = claims.get("treeSize");
            if (!(size instanceof Number number) || number.longValue() != n || !root.equals(claims.get("rootHash"))) {
                findings.add(Finding.of("result-log", size, claims.get("rootHash"), n, root));
            }
            if (!(claims.get("tally") instanceof Map<?, ?> signedTally)
                    || !CanonicalJson.write(signedTally).equals(CanonicalJson.write(tally))) {
                findings.add(Finding.of("result-tally"));
            }
        }
        return new VerificationReport(manifest.ballot().toString(), n, counted.size(), recount, findings);
    }

    private static Checked check(int position, Object element, BallotManifest manifest, String manifestHash) {
        Checked c = new Checked();
        try {
            Map<String, Object> entry = asObject(element, "a ballot entry");
            long index = integer(entry, "index");
            if (index != position) {
                c.findings.add(Finding.of("ballot-order", position, index));
            }
            if (entry.get("superseded") instanceof Boolean mark) {
                c.superseded = mark;
            } else {
                c.findings.add(Finding.of("superseded-mark", position));
            }
            String jws = string(entry, "jws");
            BallotFormat.ParsedBallot parsed;
            try {
                parsed = BallotFormat.parse(jws);
            } catch (BallotRejectedException e) {
                c.findings.add(Finding.of("ballot-invalid", position, e.reason().code()));
                c.leaf = new byte[0];
                return c;
            }
            c.leaf = Base64URL.from(parsed.ballotId()).decode();
            if (!parsed.ballotId().equals(entry.get("ballotId"))) {
                c.findings.add(Finding.of("ballot-id", position));
            }
            JWK key;
            try {
                key = JWK.parse(object(entry, "key"));
            } catch (ParseException e) {
                c.findings.add(Finding.of("ballot-invalid", position, "unknown-key"));
                return c;
            }
            try {
                BallotFormat.verifySignature(parsed, key);
                c.claims = BallotFormat.readClaims(parsed, manifest, manifestHash);
                c.kid = parsed.kid();
            } catch (BallotRejectedException e) {
                c.findings.add(Finding.of("ballot-invalid", position, e.reason().code()));
            }
        } catch (IllegalArgumentException e) {
            c.findings.add(Finding.of("ballot-invalid", position, "malformed"));
        }
        if (c.leaf == null) {
            c.leaf = new byte[0];
        }
        return c;
    }

    private static VerificationReport unreadable(String detail) {
        return new VerificationReport(null, 0, 0, null, List.of(Finding.of("bundle-unreadable", String.valueOf(detail))));
    }

    /** What one ballot entry yielded; written by one thread, read after the parallel join. */
    private static final class Checked {
        final List<Finding> findings = new ArrayList<>(1);
        byte[] leaf;
        BallotFormat.Claims claims;
        String kid;
        Boolean superseded;
    }
}
