package org.herdbook.web.ballots.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.web.api.Problem;
import org.junit.jupiter.api.Test;

class VoteCastingTest {

    private static final String ID = "6f1d1c52-2b0e-4f57-9d4c-1f0e1e2a7b10";

    @Test
    void onlyTheVotesPathOfOneBallotIsACast() {
        assertThat(VoteCasting.ballotOf("/api/ballots/" + ID + "/votes", "")).isEqualTo(ID);
        assertThat(VoteCasting.ballotOf("/herdbook/api/ballots/" + ID + "/votes", "/herdbook")).isEqualTo(ID);
        assertThat(VoteCasting.ballotOf("/api/ballots/not-a-uuid/votes", "")).isEqualTo("not-a-uuid");
        for (String other : new String[] {"/api/ballots/" + ID + "/votes/", "/api/ballots/" + ID + "/keys",
                "/api/ballots/" + ID, "/api/ballots//votes", "/api/ballots/votes", "/api/ballots/a/b/votes",
                "/api/ballotsX/" + ID + "/votes", "/api/ballot/" + ID + "/votes", "/api/ballots", "/"}) {
            assertThat(VoteCasting.ballotOf(other, "")).as(other).isNull();
        }
        assertThat(VoteCasting.ballotOf("/api/ballots/" + ID + "/votes", "/herdbook")).as("another context").isNull();
    }

    @Test
    void aVoteIsSentAsJoseOrPlainTextWhateverTheParametersAndCase() {
        assertThat(VoteCasting.acceptable("application/jose")).isTrue();
        assertThat(VoteCasting.acceptable("Application/JOSE; charset=US-ASCII")).isTrue();
        assertThat(VoteCasting.acceptable("text/plain;charset=utf-8")).isTrue();
        assertThat(VoteCasting.acceptable(null)).isFalse();
        assertThat(VoteCasting.acceptable("")).isFalse();
        assertThat(VoteCasting.acceptable("application/json")).isFalse();
        assertThat(VoteCasting.acceptable("application/jose+json")).isFalse();
        assertThat(VoteCasting.acceptable("text/plainx")).isFalse();
        assertThat(VoteCasting.acceptable("application/x-www-form-urlencoded")).isFalse();
    }

    @Test
    void theReceiptAndProblemsAreJsonWithEverythingEscaped() {
        SignedTreeHead head = new SignedTreeHead(URI.create("https://herdbook.example/ballots/" + ID), 7, "cm9vdA",
                Instant.parse("2026-12-07T20:00:00Z"), "aGVhZA.dHJlZQ.c2ln");
        JsonObject receipt = parse(VoteCasting.receiptJson(new BallotReceipt("YmFsbG90", 6, head, "cmVj.ZWlwdA.c2ln")));
        assertThat(receipt.getString("ballotId")).isEqualTo("YmFsbG90");
        assertThat(receipt.getJsonNumber("leafIndex").longValue()).isEqualTo(6);
        assertThat(receipt.getJsonNumber("treeSize").longValue()).isEqualTo(7);
        assertThat(receipt.getString("rootHash")).isEqualTo("cm9vdA");
        assertThat(receipt.getString("treeHead")).isEqualTo("aGVhZA.dHJlZQ.c2ln");
        assertThat(receipt.getString("receipt")).isEqualTo("cmVj.ZWlwdA.c2ln");

        String detail = "Le \"vote\" n’est pas </script> \\ valide";
        JsonObject problem = parse(Problem.of("vote.malformed", Response.Status.BAD_REQUEST,
                "Vote refusé", detail).json());
        assertThat(problem.getString("type")).isEqualTo("urn:herdbook:problem:vote.malformed");
        assertThat(problem.getString("title")).isEqualTo("Vote refusé");
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).isEqualTo(detail);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
