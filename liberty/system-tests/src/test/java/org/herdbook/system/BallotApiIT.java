package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.audit.control.BundleVerifier;
import org.herdbook.ballots.log.control.MerkleTreeHash;
import org.herdbook.ballots.manifest.entity.RollDigest;
import org.herdbook.ballots.roll.control.RollFreezer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ballots over HTTP against the real server and database: drafting and opening, key registration,
 * signed votes (Ed25519 and P-256, made with Nimbus as an outside voter would), every refusal of
 * the issue answered as problem JSON with nothing stored, revotes, receipts and inclusion proofs,
 * closing by the scheduled job, and the audit bundle checked by the offline verifier.
 */
class BallotApiIT {

    private static final String ONE_VOTE_QUORUM = "{\"count\": 1}";

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    private static long rows(String table, String ballotId) {
        return TestDatabase.number("SELECT count(*) FROM ballots." + table + " WHERE ballot_id = ?::uuid", ballotId);
    }

    /** A yes/no ballot that opened a minute ago, closes in an hour, and is decided by one vote. */
    private static JsonObject openForAnHour(TestPeople.Person board) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return TestVoters.openYesNo(board, now.minusSeconds(60), now.plus(Duration.ofHours(1)), ONE_VOTE_QUORUM);
    }

    private static String id(JsonObject ballot) {
        return ballot.getJsonObject("ballot").getString("id");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestServer.json(response).getString("type")).isEqualTo("urn:herdbook:problem:" + type);
        assertThat(TestServer.json(response).getString("detail")).isNotBlank();
    }

    /** A POST to the votes path in a language, with a content type (or none). */
    private static HttpResponse<String> post(String ballotId, String body, String contentType, String language) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                URI.create(TestServer.url("/api/ballots/" + ballotId + "/votes"))).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return TestServer.send(TestVoters.CLIENT, request.build());
    }

    @Test
    void theCastingEndpointAnswersInTheCallersLanguageIsDescribedAndIsMeasured() throws Exception {
        TestPeople.Person board = TestPeople.withRoles("casting board", "board");
        TestVoters.Voter voter = new TestVoters.Voter(TestVoters.activeMember("en", "Casting Endpoint"), true);
        JsonObject ballot = openForAnHour(board);
        String id = id(ballot);
        assertThat(voter.register(id).statusCode()).isEqualTo(201);
        String vote = voter.vote(ballot, "yes", 0);

        // Not sent as a JWS (another type, or none): 415 in the caller's language, nothing stored.
        HttpResponse<String> json = post(id, vote, "application/json", "en");
        assertProblem(json, 415, "vote-media-type");
        assertThat(TestServer.json(json).getString("detail")).contains("application/jose");
        HttpResponse<String> form = post(id, vote, "application/x-www-form-urlencoded", "fr");
        assertProblem(form, 415, "vote-media-type");
        assertThat(TestServer.json(form).getString("title")).isEqualTo("Ce n’est pas un vote");
        assertProblem(post(id, vote, null, "en"), 415, "vote-media-type");

        // No such ballot: an id that is not a UUID, or one no ballot has.
        assertProblem(post("not-a-uuid", vote, "application/jose", "en"), 404, "ballot-unknown");
        HttpResponse<String> unknown = post(java.util.UUID.randomUUID().toString(), vote, "application/jose", "fr");
        assertProblem(unknown, 404, "ballot-unknown");
        assertThat(TestServer.json(unknown).getString("title")).isEqualTo("Scrutin inconnu");

        // A refused vote, in French; markup in the vote is never echoed.
        HttpResponse<String> malformed = post(id, "<script>alert(1)</script>", "application/jose", "fr");
        assertProblem(malformed, 400, "vote.malformed");
        assertThat(TestServer.json(malformed).getString("title")).isEqualTo("Vote refusé");
        assertThat(malformed.body()).doesNotContain("<script>");

        // Other methods on the path are not votes: JAX-RS answers them, and nothing is stored.
        assertThat(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/votes").statusCode()).isIn(404, 405);
        assertThat(rows("vote", id)).isZero();

        // text/plain with a charset is a vote too; the answer has the security headers of every page.
        HttpResponse<String> cast = post(id, vote, "text/plain; charset=US-ASCII", "en");
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        assertThat(cast.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(cast.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        JsonObject receipt = TestServer.json(cast);
        assertThat(receipt.getJsonNumber("leafIndex").longValue()).isZero();
        assertThat(receipt.getJsonNumber("treeSize").longValue()).isEqualTo(1);
        assertThat(JWSObject.parse(receipt.getString("treeHead")).getPayload().toJSONObject().get("rootHash"))
                .isEqualTo(receipt.getString("rootHash"));
        assertThat(JWSObject.parse(receipt.getString("receipt")).getPayload().toJSONObject().get("ballotId"))
                .isEqualTo(receipt.getString("ballotId"));
        assertThat(rows("vote", id)).isEqualTo(1);

        // Measured by outcome (Liberty's per-route HTTP metrics do not see this endpoint) ...
        String metrics = TestServer.get(TestVoters.CLIENT, "/metrics").body();
        assertThat(metrics).containsPattern("ballot_casts_seconds_count\\{[^}]*outcome=\"accepted\"")
                .containsPattern("ballot_casts_seconds_count\\{[^}]*outcome=\"refused\"");
        // ... and described with the other operations.
        String openapi = TestServer.get(TestVoters.CLIENT, "/openapi").body();
        assertThat(openapi).contains("/api/ballots/{id}/votes:", "operationId: castBallot", "application/jose");
    }

    @Test
    void votesAreVerifiedLoggedAndReceiptedAndEveryBadVoteIsRefusedWithNothingStored() throws Exception {
        TestPeople.Person board = TestPeople.withRoles("ballot board", "board");
        TestVoters.Voter ed = new TestVoters.Voter(TestVoters.activeMember("en", "Ed Voter"), true);
        TestVoters.Voter ec = new TestVoters.Voter(TestVoters.activeMember("fr", "Élise Votante"), false);
        TestPeople.Person applicant = TestPeople.withRoles("not yet a member", "member");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject ballot = TestVoters.openYesNo(board, now.minusSeconds(60), now.plus(Duration.ofHours(1)),
                ONE_VOTE_QUORUM);
        String id = id(ballot);
        assertThat(ballot.getJsonObject("ballot").getString("state")).isEqualTo("open");
        assertThat(ballot.getJsonObject("manifest").getJsonObject("roll").getJsonNumber("size").longValue())
                .isGreaterThanOrEqualTo(2);

        // Registering: the member's key, once; an e-mail in the member's language says so.
        HttpResponse<String> registered = ed.register(id);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(TestServer.json(registered).getString("kid")).isEqualTo(ed.kid);
        assertThat(ec.register(id).statusCode()).isEqualTo(201);
        assertThat(TestMail.awaitLetter(ed.person.email(), "voting key").body()).contains(ed.kid);
        assertThat(TestMail.awaitLetter(ec.person.email(), "clé de vote").body()).contains(ec.kid);
        assertThat(ed.register(id).statusCode()).as("the same key again").isEqualTo(200);
        assertProblem(new TestVoters.Voter(ed.person, true).register(id), 409, "voting-key-registered");
        assertProblem(TestServer.postJson(TestVoters.CLIENT, "/api/ballots/" + id + "/keys",
                "{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}", "Authorization", ed.person.bearer()), 400, "voting-key-invalid");

        // A member not on the roll cannot register a key, so cannot vote; nothing is stored.
        long keysBefore = rows("voting_key", id);
        TestVoters.Voter outsider = new TestVoters.Voter(applicant, true);
        assertProblem(outsider.register(id), 403, "not-on-roll");
        assertThat(rows("voting_key", id)).isEqualTo(keysBefore);
        JsonObject notOnRoll = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/roll/me",
                "Authorization", applicant.bearer()));
        assertThat(notOnRoll.getBoolean("onRoll")).isFalse();

        // The roll check a member runs: their commitment is under the manifest's roll hash.
        JsonObject onRoll = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/roll/me",
                "Authorization", ed.person.bearer()));
        assertThat(onRoll.getBoolean("onRoll")).isTrue();
        List<byte[]> rollPath = onRoll.getJsonArray("auditPath").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> Base64URL.from(s.getString()).decode()).toList();
        JsonObject roll = ballot.getJsonObject("manifest").getJsonObject("roll");
        assertThat(RollFreezer.isOnRoll(new RollDigest(roll.getJsonNumber("size").longValue(), roll.getString("rootHash")),
                URI.create(ballot.getJsonObject("manifest").getString("ballot")), ed.person.id(),
                Base64URL.from(onRoll.getString("salt")).decode(), onRoll.getInt("index"), rollPath)).isTrue();

        // Every bad vote: a 4xx problem with the rejection's code, and not one row written.
        String good = ed.vote(ballot, "yes", 0);
        String[] parts = good.split("\\.");
        Map<String, Object> claims = JSONObjectUtils.parse(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8));
        String noneAlg = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"vote+jwt\",\"kid\":\"" + ed.kid + "\"}").toString()
                + "." + parts[1] + ".";
        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("vote+jwt"))
                .keyID(ed.kid).build(), new Payload(claims));
        hmac.sign(new MACSigner(new byte[32]));
        Map<String, Object> tamperedClaims = new LinkedHashMap<>(claims);
        tamperedClaims.put("choice", Map.of("answer", "no"));
        String tampered = parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(tamperedClaims)) + "." + parts[2];
        char[] signature = parts[2].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        String alteredSignature = parts[0] + "." + parts[1] + "." + new String(signature);
        TestVoters.Voter unregistered = new TestVoters.Voter(ed.person, true);
        JWSObject embedded = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vote+jwt"))
                .keyID(ed.kid).jwk(((OctetKeyPair) unregistered.key).toPublicJWK()).build(), new Payload(claims));
        embedded.sign(new com.nimbusds.jose.crypto.Ed25519Signer((OctetKeyPair) unregistered.key));
        Map<String, Object> wrongManifest = new LinkedHashMap<>(claims);
        wrongManifest.put("manifestHash", Base64URL.encode(new byte[32]).toString());
        Map<String, Object> badChoice = new LinkedHashMap<>(claims);
        badChoice.put("choice", Map.of("answer", "maybe"));

        Map<String, String[]> refused = new LinkedHashMap<>();
        refused.put(noneAlg, new String[] {"400", "algorithm-not-allowed"});
        refused.put(hmac.serialize(), new String[] {"400", "algorithm-not-allowed"});
        refused.put(unregistered.vote(ballot, "yes", 0), new String[] {"422", "unknown-key"});
        refused.put(tampered, new String[] {"422", "bad-signature"});
        refused.put(alteredSignature, new String[] {"422", "bad-signature"});
        refused.put(embedded.serialize(), new String[] {"400", "embedded-key"});
        refused.put(ed.sign(wrongManifest, ed.kid), new String[] {"400", "wrong-manifest"});
        refused.put(ed.sign(badChoice, ed.kid), new String[] {"400", "invalid-choice"});
        refused.put("not a jws", new String[] {"400", "malformed"});
        refused.put("eyJhbGciOiJFZERTQSJ9.e30", new String[] {"400", "malformed"});
        refused.put("", new String[] {"400", "malformed"});
        refused.put(parts[0] + "." + "A".repeat(20_000) + "." + parts[2], new String[] {"413", "oversized"});
        refused.forEach((compact, expected) -> assertProblem(TestVoters.cast(id, compact),
                Integer.parseInt(expected[0]), "vote." + expected[1]));
        assertThat(rows("vote", id)).isZero();
        assertThat(rows("tree_head", id)).isZero();

        // The good vote: a receipt signed by the foundation's published key, naming its log entry.
        HttpResponse<String> cast = TestVoters.cast(id, good);
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        JsonObject receipt = TestServer.json(cast);
        assertThat(receipt.getJsonNumber("leafIndex").longValue()).isZero();
        JWSObject receiptJws = JWSObject.parse(receipt.getString("receipt"));
        OctetKeyPair foundation = (OctetKeyPair) JWKSet.parse(TestServer.get(TestVoters.CLIENT, "/api/keys").body())
                .getKeys().get(0);
        assertThat(receiptJws.verify(new Ed25519Verifier(foundation))).isTrue();
        assertThat(receiptJws.getHeader().getType().getType()).isEqualTo("vote-receipt+jwt");
        assertThat(receiptJws.getPayload().toJSONObject().get("ballotId")).isEqualTo(receipt.getString("ballotId"));

        // Replays and stale revotes are refused, and stored nowhere.
        assertProblem(TestVoters.cast(id, good), 409, "vote.replayed");
        assertProblem(TestVoters.cast(id, ed.vote(ballot, Map.of("answer", "no"), (String) claims.get("jti"), 5)), 409,
                "vote.replayed");
        assertThat(TestVoters.cast(id, ed.vote(ballot, "no", 2)).statusCode()).isEqualTo(201);
        assertProblem(TestVoters.cast(id, ed.vote(ballot, "yes", 1)), 409, "vote.stale-sequence");
        assertProblem(TestVoters.cast(id, ed.vote(ballot, "yes", 2)), 409, "vote.stale-sequence");
        HttpResponse<String> es256 = TestVoters.cast(id, ec.vote(ballot, "abstain", 0));
        assertThat(es256.statusCode()).as(es256.body()).isEqualTo(201);
        assertThat(rows("vote", id)).isEqualTo(3);
        assertThat(rows("vote_superseded", id)).isEqualTo(1);
        assertThat(rows("tree_head", id)).isEqualTo(3);

        // Races: the same vote sent eight times at once, then eight different votes with one seq.
        String once = ec.vote(ballot, "yes", 1);
        assertThat(race(id, java.util.Collections.nCopies(8, once))).containsEntry(201, 1L).containsEntry(409, 7L);
        List<String> sameSeq = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sameSeq.add(ec.vote(ballot, i % 2 == 0 ? "no" : "abstain", 2));
        }
        assertThat(race(id, sameSeq)).containsEntry(201, 1L).containsEntry(409, 7L);
        assertThat(rows("vote", id)).isEqualTo(5);
        assertThat(rows("vote_superseded", id)).isEqualTo(3);
        assertThat(rows("tree_head", id)).isEqualTo(5);

        // Inclusion of the first vote in the log as it stands now.
        JsonObject proof = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/inclusion-proofs/"
                + receipt.getString("ballotId")));
        assertThat(proof.getJsonNumber("treeSize").longValue()).isEqualTo(5);
        List<byte[]> path = proof.getJsonArray("auditPath").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> Base64URL.from(s.getString()).decode()).toList();
        assertThat(MerkleTreeHash.verifyInclusion(MerkleTreeHash.leafHash(Base64URL.from(receipt.getString("ballotId"))
                .decode()), 0, 5, path, Base64URL.from(proof.getString("rootHash")).decode())).isTrue();
        assertProblem(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/inclusion-proofs/"
                + Base64URL.encode(new byte[32])), 404, "vote-not-in-log");
        assertProblem(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/audit-bundle"), 409, "ballot-not-closed");

        // The database itself refuses to alter or remove a vote or a tree head.
        assertThatThrownBy(() -> TestDatabase.update("UPDATE ballots.vote SET seq = 9 WHERE ballot_id = ?::uuid", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.update("DELETE FROM ballots.tree_head WHERE ballot_id = ?::uuid", id))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.update("UPDATE ballots.ballot SET manifest_json = '{}' WHERE id = ?::uuid",
                id)).isInstanceOf(SQLException.class).hasMessageContaining("fixed");
    }

    @Test
    void castsBatchedTogetherEachGetAReceiptTheirTreeHeadProvesAndRefusalsInABatchLeaveTheOthersStored()
            throws Exception {
        TestPeople.Person board = TestPeople.withRoles("batch board", "board");
        List<TestVoters.Voter> voters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            voters.add(new TestVoters.Voter(TestVoters.activeMember("en", "Batch Voter " + i), i % 2 == 0));
        }
        JsonObject ballot = openForAnHour(board);
        String id = id(ballot);
        for (TestVoters.Voter voter : voters) {
            assertThat(voter.register(id).statusCode()).isEqualTo(201);
        }
        // Five votes per voter with one seq, all sent at once: one of each five is appended, the four
        // others are refused as stale wherever they fall, batched with other voters' accepted votes.
        List<String> votes = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (TestVoters.Voter voter : voters) {
                votes.add(voter.vote(ballot, round % 2 == 0 ? "yes" : "no", 1));
            }
        }
        List<HttpResponse<String>> answers = castAtOnce(id, votes);
        List<JsonObject> receipts = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 201) {
                receipts.add(TestServer.json(answer));
            } else {
                assertProblem(answer, 409, "vote.stale-sequence");
            }
        }
        assertThat(receipts).hasSize(4);
        assertThat(rows("vote", id)).isEqualTo(4);
        assertThat(rows("vote_superseded", id)).isZero();
        assertThat(rows("tree_head", id)).isBetween(1L, 4L);

        // Each receipt names its own leaf and the tree head of its batch; the leaf is in that tree.
        OctetKeyPair foundation = (OctetKeyPair) JWKSet.parse(TestServer.get(TestVoters.CLIENT, "/api/keys").body())
                .getKeys().get(0);
        List<byte[]> log = new ArrayList<>();
        try (var connection = TestDatabase.connect(); var select = connection.prepareStatement(
                "SELECT ballot_hash FROM ballots.vote WHERE ballot_id = ?::uuid ORDER BY leaf_index")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    log.add(Base64URL.from(rows.getString(1)).decode());
                }
            }
        }
        java.util.Set<Long> leaves = new java.util.HashSet<>();
        for (JsonObject receipt : receipts) {
            JWSObject receiptJws = JWSObject.parse(receipt.getString("receipt"));
            assertThat(receiptJws.verify(new Ed25519Verifier(foundation))).isTrue();
            Map<String, Object> claims = receiptJws.getPayload().toJSONObject();
            JWSObject head = JWSObject.parse((String) claims.get("treeHead"));
            assertThat(head.verify(new Ed25519Verifier(foundation))).isTrue();
            int leaf = ((Number) claims.get("leafIndex")).intValue();
            int treeSize = ((Number) head.getPayload().toJSONObject().get("treeSize")).intValue();
            byte[] root = Base64URL.from((String) head.getPayload().toJSONObject().get("rootHash")).decode();
            assertThat(leaves.add((long) leaf)).as("one leaf per receipt").isTrue();
            assertThat(Base64URL.encode(log.get(leaf)).toString()).isEqualTo(claims.get("ballotId"));
            List<byte[]> path = MerkleTreeHash.inclusionProof(log.subList(0, treeSize), leaf);
            assertThat(MerkleTreeHash.verifyInclusion(MerkleTreeHash.leafHash(log.get(leaf)), leaf, treeSize, path, root))
                    .as("leaf %d under the tree head of size %d it was given", leaf, treeSize).isTrue();
        }
    }

    @Test
    void revotesInOneBatchMarkTheVoteEachReplacesWhetherInTheLogOrInTheBatch() throws Exception {
        TestPeople.Person board = TestPeople.withRoles("revote batch board", "board");
        TestVoters.Voter voter = new TestVoters.Voter(TestVoters.activeMember("en", "Revote Batch Voter"), true);
        TestVoters.Voter other = new TestVoters.Voter(TestVoters.activeMember("fr", "Votant du lot"), false);
        JsonObject ballot = openForAnHour(board);
        String id = id(ballot);
        assertThat(voter.register(id).statusCode()).isEqualTo(201);
        assertThat(other.register(id).statusCode()).isEqualTo(201);
        assertThat(TestVoters.cast(id, voter.vote(ballot, "yes", 1)).statusCode()).isEqualTo(201);

        // While the test holds the ballot's row lock, the next cast's batch waits for it, and the casts
        // after that queue up behind it in the order they arrive: then they are appended as one batch.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (var holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT id FROM ballots.ballot WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            sent.add(pool.submit(() -> TestVoters.cast(id, other.vote(ballot, "no", 0))));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (TestDatabase.number("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'")
                    == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(System.nanoTime()).as("a batch waits for the ballot's lock").isLessThan(deadline);
            for (long seq = 2; seq <= 4; seq++) {
                String vote = voter.vote(ballot, seq % 2 == 0 ? "no" : "abstain", seq);
                sent.add(pool.submit(() -> TestVoters.cast(id, vote)));
                Thread.sleep(300);
            }
            holder.rollback();
        } finally {
            pool.shutdown();
        }
        List<JsonObject> receipts = new ArrayList<>();
        for (var answer : sent) {
            HttpResponse<String> cast = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
            receipts.add(TestServer.json(cast));
        }
        // The three revotes share one tree head: one batch, after the other voter's.
        assertThat(receipts.subList(1, 4)).extracting(r -> r.getString("treeHead")).containsOnly(
                receipts.get(1).getString("treeHead"));
        assertThat(receipts.get(0).getString("treeHead")).isNotEqualTo(receipts.get(1).getString("treeHead"));
        assertThat(receipts).extracting(r -> r.getJsonNumber("leafIndex").longValue()).containsExactly(1L, 2L, 3L, 4L);
        // seq 2 marks seq 1 (in the log before the batch), seq 3 marks seq 2 and seq 4 marks seq 3 (both
        // in the batch); seq 4 and the other voter's only vote stand.
        List<String> marks = new ArrayList<>();
        try (var connection = TestDatabase.connect(); var select = connection.prepareStatement("SELECT s.leaf_index,"
                + " s.superseded_by, v.seq, w.seq FROM ballots.vote_superseded s JOIN ballots.vote v ON v.ballot_id ="
                + " s.ballot_id AND v.leaf_index = s.leaf_index JOIN ballots.vote w ON w.ballot_id = s.ballot_id"
                + " AND w.leaf_index = s.superseded_by WHERE s.ballot_id = ?::uuid ORDER BY s.leaf_index")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    marks.add(rows.getLong(1) + "->" + rows.getLong(2) + " seq " + rows.getLong(3) + "->"
                            + rows.getLong(4));
                }
            }
        }
        assertThat(marks).containsExactly("0->2 seq 1->2", "2->3 seq 2->3", "3->4 seq 3->4");
        assertThat(rows("vote", id)).isEqualTo(5);
        assertThat(rows("tree_head", id)).isEqualTo(3);
    }

    @Test
    void aKeyRegisteredAfterItsVoteWasRefusedIsKnownAtOnce() {
        // The server keeps registered keys in memory once read; a key it did not know must not stay unknown.
        TestPeople.Person board = TestPeople.withRoles("late key board", "board");
        TestVoters.Voter voter = new TestVoters.Voter(TestVoters.activeMember("fr", "Votante tardive"), true);
        TestVoters.Voter other = new TestVoters.Voter(TestVoters.activeMember("en", "Early Key Voter"), false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject ballot = TestVoters.openYesNo(board, now.minusSeconds(5), now.plus(Duration.ofHours(1)),
                "{\"count\": 1}");
        String id = id(ballot);
        assertThat(other.register(id).statusCode()).isEqualTo(201);
        assertThat(TestVoters.cast(id, other.vote(ballot, "no", 0)).statusCode()).isEqualTo(201);
        String vote = voter.vote(ballot, "yes", 0);
        assertProblem(TestVoters.cast(id, vote), 422, "vote.unknown-key");
        assertThat(voter.register(id).statusCode()).isEqualTo(201);
        HttpResponse<String> cast = TestVoters.cast(id, vote);
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        assertThat(rows("vote", id)).isEqualTo(2);
    }

    @Test
    void aVoteBeforeOpeningIsRefusedAndABallotIsOpenedOnce() {
        TestPeople.Person board = TestPeople.withRoles("early board", "board");
        TestVoters.Voter voter = new TestVoters.Voter(TestVoters.activeMember("en", "Early Voter"), true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject ballot = TestVoters.openYesNo(board, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
                "{\"percentOfRoll\": \"10\"}");
        String id = id(ballot);
        assertThat(voter.register(id).statusCode()).isEqualTo(201);
        assertProblem(TestVoters.cast(id, voter.vote(ballot, "yes", 0)), 409, "vote.not-open");
        assertThat(rows("vote", id)).isZero();
        assertProblem(TestServer.postJson(TestVoters.CLIENT, "/api/ballots/" + id + "/opening", "", "Authorization",
                board.bearer()), 409, "ballot-not-draft");
        // Bad definitions are refused whole.
        long ballots = TestDatabase.number("SELECT count(*) FROM ballots.ballot");
        assertProblem(TestServer.postJson(TestVoters.CLIENT, "/api/ballots", "{\"title\": {\"en\": \"Only English\"}}",
                "Authorization", board.bearer()), 400, "ballot-invalid");
        assertProblem(TestServer.postJson(TestVoters.CLIENT, "/api/ballots", "{not json", "Authorization",
                board.bearer()), 400, "malformed-json");
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.ballot")).isEqualTo(ballots);
        // A browser session must send the page's CSRF token to register a key.
        assertProblem(TestServer.postJson(TestPeople.signedIn(voter.person.email(), TestPeople.PASSWORD),
                "/api/ballots/" + id + "/keys", voter.key.toPublicJWK().toJSONString()), 403, "csrf");
    }

    @Test
    void closingCountsTheLatestRevoteSignsTheResultAndTheBundleVerifiesOffline() throws Exception {
        TestPeople.Person board = TestPeople.withRoles("closing board", "board");
        List<TestVoters.Voter> voters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            voters.add(new TestVoters.Voter(TestVoters.activeMember("en", "Closing Voter " + i), i != 1));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject ballot = TestVoters.openYesNo(board, now.minusSeconds(5), now.plusSeconds(25), "{\"count\": 3}");
        String id = id(ballot);
        for (TestVoters.Voter voter : voters) {
            assertThat(voter.register(id).statusCode()).isEqualTo(201);
        }
        assertThat(TestVoters.cast(id, voters.get(0).vote(ballot, "yes", 0)).statusCode()).isEqualTo(201);
        assertThat(TestVoters.cast(id, voters.get(1).vote(ballot, "no", 0)).statusCode()).isEqualTo(201);
        assertThat(TestVoters.cast(id, voters.get(2).vote(ballot, "no", 0)).statusCode()).isEqualTo(201);
        // The third voter changes their mind: only the highest seq counts.
        HttpResponse<String> revote = TestVoters.cast(id, voters.get(2).vote(ballot, "yes", 1));
        assertThat(revote.statusCode()).isEqualTo(201);
        String late = voters.get(0).vote(ballot, "no", 1);

        JsonObject closed = awaitClosed(id, Duration.ofSeconds(90));
        assertProblem(TestVoters.cast(id, late), 409, "vote.closed");
        JsonObject tally = closed.getJsonObject("tally");
        assertThat(tally.getJsonNumber("yes").longValue()).isEqualTo(2);
        assertThat(tally.getJsonNumber("no").longValue()).isEqualTo(1);
        assertThat(tally.getBoolean("quorumMet")).isTrue();
        assertThat(tally.getString("outcome")).isEqualTo("adopted");
        assertThat(closed.getString("result")).isNotBlank();

        HttpResponse<String> bundle = TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id + "/audit-bundle");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(BundleVerifier.verify(bundle.body()).isValid()).as(bundle.body()).isTrue();
        Map<String, Object> json = JSONObjectUtils.parse(bundle.body());
        assertThat((List<?>) json.get("ballots")).hasSize(4);

        // Dropping a ballot from the bundle is caught.
        Map<String, Object> dropped = new LinkedHashMap<>(json);
        List<Object> fewer = new ArrayList<>((List<?>) json.get("ballots"));
        fewer.remove(0);
        dropped.put("ballots", fewer);
        assertThat(BundleVerifier.verify(dropped).isValid()).isFalse();

        // The final inclusion proof is against the final tree head.
        String revoteId = TestServer.json(revote).getString("ballotId");
        JsonObject proof = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id
                + "/inclusion-proofs/" + revoteId));
        assertThat(proof.getJsonNumber("leafIndex").longValue()).isEqualTo(3);
        assertThat(proof.getJsonNumber("treeSize").longValue()).isEqualTo(4);
        assertThat(rows("result", id)).isEqualTo(1);

        // The ballot URI leads to the public page, which shows the result in the reader's language.
        HttpResponse<String> address = TestServer.get(TestVoters.CLIENT, "/ballots/" + id);
        assertThat(address.statusCode()).isEqualTo(302);
        assertThat(address.headers().firstValue("Location").orElse("")).endsWith("/ballot.xhtml?id=" + id);
        HttpResponse<String> page = TestServer.get(TestServer.newSession(), "/ballot.xhtml?id=" + id, "Accept-Language", "fr");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-outcome=\"adopted\"", "Adoptée", "data-met=\"true\"",
                "3 membres sur " + ballot.getJsonObject("ballot").getJsonNumber("rollSize").longValue());
        assertThat(TestServer.get(TestServer.newSession(), "/ballot.xhtml?id=" + uuidNotABallot()).statusCode())
                .isEqualTo(404);
        assertThat(TestServer.get(TestServer.newSession(), "/ballots.xhtml", "Accept-Language", "en").body())
                .contains("Ballots", "/ballot.xhtml?id=" + id, "Let a tech company have an account?");
        assertThat(TestServer.get(TestServer.newSession(), "/ballots.xhtml", "Accept-Language", "fr").body())
                .contains("Scrutins", "Accueillir le compte d’une entreprise ?");
    }

    @Test
    void theBoardDraftsAndOpensABallotOnItsPageWithoutJavaScript() {
        TestPeople.Person board = TestPeople.speaking("fr", "conseil des scrutins", "board");
        java.net.http.HttpClient session = TestPeople.signedIn(board.email(), TestPeople.PASSWORD);
        HttpResponse<String> page = TestServer.get(session, "/board/ballots.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Préparer un scrutin");
        String today = TestVoters.today().toString();
        String tomorrow = TestVoters.today().plusDays(1) + "T12:00";
        String nextWeek = TestVoters.today().plusDays(7) + "T12:00";
        String title = "Élection du conseil " + uuidNotABallot().substring(0, 8);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("titleEn", "Board election");
        fields.put("titleFr", "");
        fields.put("textEn", "Two seats.");
        fields.put("textFr", "Deux sièges.");
        fields.put("method", "single-transferable-vote");
        fields.put("quorum", "");
        fields.put("threshold", "majority");
        fields.put("seats", "2");
        fields.put("options", "ada | Ada | Ada\ngrace | Grace | Grace\nlinus | Linus | Linus");
        fields.put("opens", tomorrow);
        fields.put("closes", nextWeek);
        fields.put("recordDate", today);
        long before = TestDatabase.number("SELECT count(*) FROM ballots.ballot");
        HttpResponse<String> refused = TestServer.submitForm(session, "/board/ballots.xhtml", page.body(), "draft", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le scrutin ne peut pas être préparé tel quel");
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.ballot")).isEqualTo(before);

        fields.put("titleFr", title);
        HttpResponse<String> drafted = TestServer.submitForm(session, "/board/ballots.xhtml", refused.body(), "draft",
                fields);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        assertThat(drafted.body()).contains("Le scrutin est préparé", title);
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.ballot b JOIN ballots.proposal p"
                + " ON p.id = b.proposal_id WHERE p.title_fr = ? AND b.state = 'draft'", title)).isEqualTo(1);

        // Open it with its row's button: a plain form post, as a browser without JavaScript sends it.
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("data-ballot=\"([0-9a-f-]{36})\" data-state=\"draft\">"
                + "\\s*<td><a [^>]*>" + java.util.regex.Pattern.quote(title) + "</a>.*?name=\"(ballots:[^\"]*open)\"",
                java.util.regex.Pattern.DOTALL).matcher(drafted.body());
        assertThat(row.find()).as(drafted.body()).isTrue();
        java.util.regex.Matcher viewState = java.util.regex.Pattern.compile(
                "id=\"ballots\".*?name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"", java.util.regex.Pattern.DOTALL)
                .matcher(drafted.body());
        assertThat(viewState.find()).isTrue();
        String form = "ballots=ballots&ballots_SUBMIT=1&" + TestServer.encode(row.group(2)) + "=x&jakarta.faces.ViewState="
                + TestServer.encode(viewState.group(1).replace("&#58;", ":"));
        HttpResponse<String> opened = TestServer.send(session, java.net.http.HttpRequest.newBuilder(
                URI.create(TestServer.url("/board/ballots.xhtml"))).header("Content-Type",
                "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).contains("Le scrutin est ouvert");
        JsonObject ballot = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + row.group(1)));
        assertThat(ballot.getJsonObject("ballot").getString("state")).isEqualTo("open");
        assertThat(ballot.getJsonObject("manifest").getJsonObject("method").getString("transfer"))
                .isEqualTo("weighted-inclusive-gregory-exact");
        assertThat(ballot.getJsonObject("manifest").getString("opens"))
                .isEqualTo(java.time.LocalDateTime.parse(tomorrow).atZone(java.time.ZoneId.of(TestServer.FOUNDATION_ZONE))
                        .toInstant().toString());
    }

    private static String uuidNotABallot() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Sends the votes all at once; answers how many got each status. */
    private static Map<Integer, Long> race(String id, List<String> votes) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(votes.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
            for (String vote : votes) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return TestVoters.cast(id, vote).statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> status : sent) {
                statuses.merge(status.get(), 1L, Long::sum);
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** Sends the votes all at once; answers the responses in the order of the votes. */
    private static List<HttpResponse<String>> castAtOnce(String id, List<String> votes) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(votes.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String vote : votes) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return TestVoters.cast(id, vote);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    static JsonObject awaitClosed(String id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonObject ballot = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + id));
            if ("closed".equals(ballot.getJsonObject("ballot").getString("state"))) {
                return ballot;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("ballot " + id + " did not close within " + timeout);
    }
}
