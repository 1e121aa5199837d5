package org.herdbook.web.ballots.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.Threshold;
import org.herdbook.web.api.Refusal;
import org.junit.jupiter.api.Test;

class BallotDraftsTest {

    private static final URI BALLOT = URI.create("https://herdbook.example/ballots/6f1d1c52-2b0e-4f57-9d4c-1f0e1e2a7b10");
    private static final String TIMES = "\"opens\": \"2026-12-01T14:00:00Z\", \"closes\": \"2026-12-08T14:00:00Z\","
            + " \"recordDate\": \"2026-11-30\"";
    private static final String TEXTS = "\"title\": {\"en\": \"Board 2027\", \"fr\": \"Conseil 2027\"},"
            + " \"text\": {\"en\": \"Elect two.\", \"fr\": \"Élire deux personnes.\"}";

    @Test
    void aYesNoAbstainDefinitionGetsItsThreeOptionsAndKeepsQuorumAndThreshold() {
        BallotManifest draft = BallotDrafts.parse("{" + TEXTS + ", \"method\": {\"type\": \"yes-no-abstain\","
                + " \"quorum\": {\"percentOfRoll\": \"25\"}, \"threshold\": \"two-thirds\"}, " + TIMES + "}", BALLOT);
        assertThat(draft.optionIds()).containsExactly("yes", "no", "abstain");
        assertThat(draft.method()).isEqualTo(new CountingMethod.YesNoAbstain(
                new Quorum.PercentOfRoll(new java.math.BigDecimal("25")), Threshold.TWO_THIRDS));
        assertThat(draft.proposal().title().fr()).isEqualTo("Conseil 2027");
    }

    @Test
    void anStvDefinitionGetsTheManifestsQuotaTransferAndTieBreakRules() {
        BallotManifest draft = BallotDrafts.parse("{" + TEXTS + ", \"method\": {\"type\": \"single-transferable-vote\","
                + " \"seats\": 2}, \"options\": [" + option("ada") + ", " + option("grace") + ", " + option("linus")
                + "], " + TIMES + "}", BALLOT);
        assertThat(draft.method()).isEqualTo(new CountingMethod.SingleTransferableVote(2));
        assertThat(draft.optionIds()).containsExactly("ada", "grace", "linus");
    }

    @Test
    void anythingThatWouldNotMakeAValidManifestIsRefused() {
        assertRefused("{\"title\": {\"en\": \"Only English\"}}", "ballot-invalid");
        assertRefused("{" + TEXTS + ", \"method\": {\"type\": \"plurality\"}, " + TIMES + "}", "ballot-invalid");
        assertRefused("{" + TEXTS + ", \"method\": {\"type\": \"instant-runoff\"}, \"options\": [" + option("ada")
                + "], " + TIMES + "}", "ballot-invalid");
        assertRefused("{" + TEXTS + ", \"method\": {\"type\": \"yes-no-abstain\", \"quorum\": {\"count\": 1},"
                + " \"threshold\": \"majority\"}, \"opens\": \"2026-12-08T14:00:00Z\", \"closes\": \"2026-12-01T14:00:00Z\","
                + " \"recordDate\": \"2026-11-30\"}", "ballot-invalid");
        assertRefused("not json", "malformed-json");
    }

    @Test
    void refusedVotesMapToTheStatusesTheReadmeDocuments() {
        assertThat(VoteRefusals.status(Rejection.MALFORMED).getStatusCode()).isEqualTo(400);
        assertThat(VoteRefusals.status(Rejection.ALGORITHM_NOT_ALLOWED).getStatusCode()).isEqualTo(400);
        assertThat(VoteRefusals.status(Rejection.OVERSIZED).getStatusCode()).isEqualTo(413);
        assertThat(VoteRefusals.status(Rejection.UNKNOWN_KEY).getStatusCode()).isEqualTo(422);
        assertThat(VoteRefusals.status(Rejection.BAD_SIGNATURE).getStatusCode()).isEqualTo(422);
        assertThat(VoteRefusals.status(Rejection.NOT_ON_ROLL).getStatusCode()).isEqualTo(403);
        assertThat(VoteRefusals.status(Rejection.STALE_SEQUENCE).getStatusCode()).isEqualTo(409);
        assertThat(VoteRefusals.status(Rejection.CLOSED).getStatusCode()).isEqualTo(409);
    }

    private static void assertRefused(String body, String kind) {
        assertThatThrownBy(() -> BallotDrafts.parse(body, BALLOT)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(kind);
    }

    private static String option(String id) {
        return "{\"id\": \"" + id + "\", \"label\": {\"en\": \"" + id + "\", \"fr\": \"" + id + "\"}}";
    }
}
