package org.herdbook.ballots.log.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.keys.control.ServerSignatures;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogSignaturesTest {

    private static final Instant NOW = Instant.parse("2026-05-03T09:30:00.123456Z");
    private static final byte[] ROOT = MerkleTreeHash.rootHash(List.of(new byte[] {1}, new byte[] {2}));

    static List<ServerKey> serverKeys() throws Exception {
        return List.of(ServerKey.generateEd25519(), ServerKey.of(new ECKeyGenerator(Curve.P_256).generate()));
    }

    @ParameterizedTest
    @MethodSource("serverKeys")
    void signsTreeHeadsThatReadBackOnlyWithTheServersKey(ServerKey key) throws Exception {
        SignedTreeHead head = LogSignatures.signTreeHead(key, TestBallots.BALLOT, 2, ROOT, NOW);
        assertThat(head.timestamp()).isEqualTo(Instant.parse("2026-05-03T09:30:00.123Z"));
        assertThat(JWSObject.parse(head.jws()).getHeader().getKeyID()).isEqualTo(key.kid());
        assertThat(JWSObject.parse(head.jws()).getHeader().getType().getType()).isEqualTo("tree-head+jwt");
        assertThat(LogSignatures.readTreeHead(head.jws(), key.publicJwk())).contains(head);
        assertThat(LogSignatures.readTreeHead(head.jws(), ServerKey.generateEd25519().publicJwk())).isEmpty();
        String[] parts = head.jws().split("\\.");
        String otherPayload = TestBallots.b64("{\"ballot\":\"" + TestBallots.BALLOT + "\",\"rootHash\":\""
                + Base64URL.encode(new byte[32]) + "\",\"timestamp\":1,\"treeSize\":2}");
        assertThat(LogSignatures.readTreeHead(parts[0] + "." + otherPayload + "." + parts[2], key.publicJwk())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("serverKeys")
    void receiptsNameTheBallotIdLeafIndexAndTreeHead(ServerKey key) {
        SignedTreeHead head = LogSignatures.signTreeHead(key, TestBallots.BALLOT, 2, ROOT, NOW);
        BallotReceipt receipt = LogSignatures.signReceipt(key, "ballot-id", 1, head, NOW);
        Map<String, Object> claims = ServerSignatures.verify(receipt.jws(), LogSignatures.RECEIPT_TYPE, key.publicJwk())
                .orElseThrow();
        assertThat(claims).containsEntry("ballotId", "ballot-id").containsEntry("leafIndex", 1L)
                .containsEntry("treeHead", head.jws()).containsEntry("ballot", TestBallots.BALLOT.toString());
        assertThat(ServerSignatures.verify(receipt.jws(), LogSignatures.TREE_HEAD_TYPE, key.publicJwk())).isEmpty();
        assertThat(KeyPolicy.problemWith(key.publicJwk())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("serverKeys")
    void receiptsSignedByManyThreadsAtOnceAllVerify(ServerKey key) throws Exception {
        SignedTreeHead head = LogSignatures.signTreeHead(key, TestBallots.BALLOT, 400, ROOT, NOW);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<BallotReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String ballotId = "ballot-" + i;
                long leaf = i;
                receipts.add(threads.submit(() -> LogSignatures.signReceipt(key, ballotId, leaf, head, NOW)));
            }
            for (int i = 0; i < receipts.size(); i++) {
                Map<String, Object> claims = ServerSignatures.verify(receipts.get(i).get().jws(),
                        LogSignatures.RECEIPT_TYPE, key.publicJwk()).orElseThrow();
                assertThat(claims).containsEntry("ballotId", "ballot-" + i).containsEntry("leafIndex", (long) i);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
