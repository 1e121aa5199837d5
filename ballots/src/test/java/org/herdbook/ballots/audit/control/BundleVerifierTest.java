package org.herdbook.ballots.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.audit.TestElection;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.audit.entity.Finding;
import org.herdbook.ballots.audit.entity.InclusionProof;
import org.herdbook.ballots.audit.entity.VerificationReport;
import org.herdbook.ballots.log.control.LogSignatures;
import org.herdbook.ballots.log.control.MerkleTreeHash;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.tally.control.SignedResults;
import org.herdbook.ballots.tally.entity.TallyResult;
import org.junit.jupiter.api.Test;

class BundleVerifierTest {

    private static final TestElection ELECTION = new TestElection();

    @Test
    void acceptsTheBundleTheServerPublished() {
        VerificationReport report = BundleVerifier.verify(ELECTION.json());
        assertThat(report.findings()).isEmpty();
        assertThat(report.isValid()).isTrue();
        assertThat(report.ballots()).isEqualTo(21);
        assertThat(report.counted()).isEqualTo(20);
        assertThat(report.recount()).containsEntry("winners", List.of("chocolate", "oranges", "strawberries"));
        assertThat(BundleVerifier.verify(ELECTION.bundle).isValid()).isTrue();
    }

    @Test
    void marksTheRevoteThatWasReplaced() {
        List<AuditBundle.Entry> ballots = ELECTION.bundle.ballots();
        assertThat(ballots).filteredOn(AuditBundle.Entry::superseded).hasSize(1)
                .first().extracting(AuditBundle.Entry::index).isEqualTo(19L);
    }

    @Test
    void catchesADroppedBallot() {
        Map<String, Object> bundle = parse();
        List<Object> ballots = entries(bundle);
        ballots.remove(7);
        for (int i = 0; i < ballots.size(); i++) {
            entry(ballots, i).put("index", i);
        }
        assertThat(codes(BundleVerifier.verify(bundle))).contains("result-log", "final-tree-head");
    }

    @Test
    void catchesADroppedBallotLeftAsAGapInTheNumbering() {
        Map<String, Object> bundle = parse();
        entries(bundle).remove(3);
        assertThat(codes(BundleVerifier.verify(bundle))).contains("ballot-order", "result-log", "final-tree-head");
    }

    @Test
    void catchesAnAlteredBallot() {
        Map<String, Object> bundle = parse();
        Map<String, Object> entry = entry(entries(bundle), 8);
        String[] parts = ((String) entry.get("jws")).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("\"chocolate\"", "\"hamburgers\"");
        entry.put("jws", parts[0] + "." + TestBallots.b64(payload) + "." + parts[2]);
        VerificationReport report = BundleVerifier.verify(bundle);
        assertThat(report.findings()).contains(Finding.of("ballot-invalid", 8, "bad-signature"));
        assertThat(codes(report)).contains("ballot-id", "result-log");
    }

    @Test
    void catchesAWrongTallyInTheBundle() throws Exception {
        Map<String, Object> bundle = parse();
        Map<String, Object> tally = JSONObjectUtils.parse(CanonicalJson.write(bundle.get("tally")));
        tally.put("winners", List.of("chocolate", "oranges", "hamburgers"));
        bundle.put("tally", tally);
        assertThat(codes(BundleVerifier.verify(bundle))).containsExactlyInAnyOrder("tally-recount", "result-tally");
    }

    @Test
    void catchesAWrongTallyEvenWhenTheServerSignedIt() throws Exception {
        Map<String, Object> bundle = parse();
        @SuppressWarnings("unchecked")
        Map<String, Object> tally = (Map<String, Object>) bundle.get("tally");
        tally.put("winners", List.of("chocolate", "oranges", "hamburgers"));
        SignedTreeHead last = LogSignatures.readTreeHead(lastTreeHead(bundle), ELECTION.serverKey.publicJwk()).orElseThrow();
        bundle.put("result", SignedResults.sign(ELECTION.serverKey, ELECTION.manifest,
                ManifestCodec.hash(ELECTION.manifest), last, new LyingTally(tally), TestBallots.CLOSES));
        assertThat(codes(BundleVerifier.verify(bundle))).containsExactly("tally-recount");
    }

    @Test
    void catchesABadResultSignature() {
        Map<String, Object> bundle = parse();
        String result = (String) bundle.get("result");
        char last = result.charAt(result.length() - 2);
        bundle.put("result", result.substring(0, result.length() - 2) + (last == 'A' ? 'B' : 'A') + result.charAt(result.length() - 1));
        assertThat(codes(BundleVerifier.verify(bundle))).containsExactly("result-signature");
    }

    @Test
    void catchesATreeHeadWithAWrongMerkleRoot() {
        Map<String, Object> bundle = parse();
        SignedTreeHead wrong = LogSignatures.signTreeHead(ELECTION.serverKey, ELECTION.manifest.ballot(), 10,
                MerkleTreeHash.rootHash(List.of(new byte[] {1})), TestBallots.DURING);
        @SuppressWarnings("unchecked")
        List<Object> heads = (List<Object>) bundle.get("treeHeads");
        heads.add(0, wrong.jws());
        assertThat(BundleVerifier.verify(bundle).findings()).containsExactly(Finding.of("tree-head-root", 0, 10L));
    }

    @Test
    void catchesATreeHeadSignedByAnotherKey() {
        Map<String, Object> bundle = parse();
        SignedTreeHead forged = LogSignatures.signTreeHead(org.herdbook.ballots.keys.control.ServerKey.generateEd25519(),
                ELECTION.manifest.ballot(), 21, new byte[32], TestBallots.DURING);
        @SuppressWarnings("unchecked")
        List<Object> heads = (List<Object>) bundle.get("treeHeads");
        heads.add(forged.jws());
        assertThat(codes(BundleVerifier.verify(bundle))).containsExactly("tree-head-signature");
    }

    @Test
    void catchesAWrongSupersededMark() {
        Map<String, Object> bundle = parse();
        entry(entries(bundle), 19).put("superseded", false);
        assertThat(codes(BundleVerifier.verify(bundle))).containsExactly("superseded-mark");
    }

    @Test
    void catchesAChangedManifest() {
        Map<String, Object> bundle = parse();
        @SuppressWarnings("unchecked")
        Map<String, Object> method = (Map<String, Object>) ((Map<String, Object>) bundle.get("manifest")).get("method");
        method.put("seats", 2);
        VerificationReport report = BundleVerifier.verify(bundle);
        assertThat(codes(report)).contains("manifest-hash", "result-manifest");
        assertThat(report.findings()).contains(Finding.of("ballot-invalid", 0, "wrong-manifest"));
    }

    @Test
    void reportsAFileThatIsNoBundle() {
        assertThat(codes(BundleVerifier.verify("[]"))).containsExactly("bundle-unreadable");
        assertThat(codes(BundleVerifier.verify("{\"format\":\"something-else\"}"))).containsExactly("bundle-unreadable");
        assertThat(codes(BundleVerifier.verify("{"))).containsExactly("bundle-unreadable");
    }

    @Test
    void provesEveryBallotInTheFinalLog() {
        InclusionProofs proofs = InclusionProofs.of(ELECTION.bundle);
        for (AuditBundle.Entry entry : ELECTION.bundle.ballots()) {
            InclusionProof proof = proofs.proof(entry.ballotId()).orElseThrow();
            assertThat(proof.leafIndex()).isEqualTo(entry.index());
            List<byte[]> path = new ArrayList<>();
            proof.auditPath().forEach(h -> path.add(Base64URL.from(h).decode()));
            assertThat(MerkleTreeHash.verifyInclusion(MerkleTreeHash.leafHash(Base64URL.from(entry.ballotId()).decode()),
                    proof.leafIndex(), proof.treeSize(), path, Base64URL.from(proof.rootHash()).decode())).isTrue();
        }
        assertThat(proofs.proof("not-a-ballot")).isEmpty();
    }

    /** A tally as a dishonest server would state it. */
    private record LyingTally(Map<String, Object> toJson) implements TallyResult {

        @Override
        public List<String> winners() {
            return List.of();
        }
    }

    private static Map<String, Object> parse() {
        try {
            return JSONObjectUtils.parse(ELECTION.json(), -1);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> entries(Map<String, Object> bundle) {
        return (List<Object>) bundle.get("ballots");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(List<Object> entries, int index) {
        return (Map<String, Object>) entries.get(index);
    }

    @SuppressWarnings("unchecked")
    private static String lastTreeHead(Map<String, Object> bundle) {
        List<Object> heads = (List<Object>) bundle.get("treeHeads");
        return (String) heads.get(heads.size() - 1);
    }

    private static List<String> codes(VerificationReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }
}
