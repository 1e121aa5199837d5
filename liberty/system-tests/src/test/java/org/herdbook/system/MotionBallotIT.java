package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Motions of an AGM decided by online ballots: special resolutions carried at exactly two thirds
 * of the votes cast and defeated just below, an ordinary one put to the ballot from the meeting
 * page that fails for want of quorum, each recorded once from the signed count when the closing
 * job closes the ballot, with the bad requests refused and nothing stored.
 */
class MotionBallotIT {

    private static final LocalDate TODAY = Meetings.TODAY;
    private final HttpClient client = TestServer.newSession();

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    @AfterEach
    void restoreBylaws() {
        Meetings.defaultBylaws();
    }

    @Test
    void specialResolutionsPutToOnlineBallotsCarryAtTwoThirdsAndFailJustBelow() throws Exception {
        // The meeting's member quorum, three, is the ballots' quorum: three ballots (abstentions count).
        Meetings.bylaws(0, 30, "number", 3, true, 0);
        TestPeople.Person secretary = TestPeople.speaking("fr", "Secrétaire Scrutin", "secretary");
        List<TestPeople.Person> members = List.of(Meetings.eligibleMember("en", "Ada Balloter"),
                Meetings.eligibleMember("fr", "Béatrice Votante"), Meetings.eligibleMember("en", "Cy Balloter"),
                Meetings.eligibleMember("fr", "Denise Votante"), Meetings.eligibleMember("en", "Eli Balloter"));
        String agm = expect(post(secretary, "/api/meetings", meeting("annual-general", "09:30")), 201)
                .getString("id");
        String base = "/api/meetings/" + agm;
        for (TestPeople.Person member : members.subList(0, 3)) {
            expect(post(secretary, base + "/attendance", attend(member)), 200);
        }
        expect(post(secretary, base + "/call-to-order", JsonValue.EMPTY_JSON_OBJECT), 200);
        String twoThirds = propose(secretary, base, "special", members);
        String belowTwoThirds = propose(secretary, base, "special", members);
        String withoutQuorum = propose(secretary, base, "ordinary", members);

        // Bad requests: nothing stored, no ballot opened.
        long ballots = TestDatabase.number("SELECT count(*) FROM ballots.ballot");
        JsonObject past = expect(post(secretary, ballotPath(base, twoThirds), Json.createObjectBuilder()
                .add("closes", Instant.now().minusSeconds(60).toString()).build(), "Accept-Language", "fr"), 400);
        assertThat(past.getString("detail")).contains("à venir");
        expect(post(secretary, ballotPath(base, twoThirds), JsonValue.EMPTY_JSON_OBJECT), 400);
        JsonObject unknown = expect(post(secretary, ballotPath(base, UUID.randomUUID().toString()),
                Json.createObjectBuilder().add("closes", Instant.now().plusSeconds(600).toString()).build()), 404);
        assertThat(unknown.getString("type")).isEqualTo("urn:herdbook:problem:no-such-motion");
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.ballot")).isEqualTo(ballots);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.motion WHERE meeting_id = ?::uuid"
                + " AND (ballot_id IS NOT NULL OR decided_by IS NOT NULL)", agm)).isZero();

        // Both special resolutions go to ballots closing in 45 seconds.
        Instant closes = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        JsonObject first = expect(post(secretary, ballotPath(base, twoThirds), closing(closes)), 201);
        assertThat(first.getString("decidedBy")).isEqualTo("ballot");
        assertThat(absent(first, "carried")).isTrue();
        String firstBallot = first.getString("ballotId");
        String secondBallot = expect(post(secretary, ballotPath(base, belowTwoThirds), closing(closes)), 201)
                .getString("ballotId");
        // Members vote with keys of their own: 2 yes, 1 no, 1 abstention (exactly two thirds of the
        // votes cast); 3 yes, 2 no (three fifths, just below).
        List<TestVoters.Voter> voters = members.stream().map(member -> new TestVoters.Voter(member, true)).toList();
        vote(firstBallot, voters, "yes", "yes", "no", "abstain");
        vote(secondBallot, voters, "yes", "yes", "yes", "no", "no");
        JsonObject manifest = TestServer.json(TestServer.get(client, "/api/ballots/" + firstBallot))
                .getJsonObject("manifest");
        assertThat(manifest.getJsonObject("method").getString("threshold")).isEqualTo("two-thirds");
        assertThat(manifest.getJsonObject("method").getJsonObject("quorum").getInt("count")).isEqualTo(3);
        assertThat(manifest.getString("recordDate")).isEqualTo(TODAY.toString());

        // A second ballot on the same motion, and a show of hands on it: refused, nothing stored.
        ballots = TestDatabase.number("SELECT count(*) FROM ballots.ballot");
        JsonObject twice = expect(post(secretary, ballotPath(base, twoThirds), closing(closes)), 409);
        assertThat(twice.getString("type")).isEqualTo("urn:herdbook:problem:motion-on-ballot");
        JsonObject hands = expect(post(secretary, base + "/motions/" + twoThirds + "/result", Json
                .createObjectBuilder().add("votesFor", 3).add("votesAgainst", 0).add("abstentions", 0).build(),
                "Accept-Language", "fr"), 409);
        assertThat(hands.getString("type")).isEqualTo("urn:herdbook:problem:motion-on-ballot");
        assertThat(hands.getString("detail")).contains("scrutin en ligne");
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.ballot")).isEqualTo(ballots);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.motion WHERE id = ?::uuid"
                + " AND decided_at IS NULL AND ballot_id = ?::uuid", twoThirds, firstBallot)).isEqualTo(1);

        // The ordinary one from the meeting page, closing at a minute typed in the foundation's zone.
        HttpClient session = TestPeople.signedIn(secretary.email(), TestPeople.PASSWORD);
        String pagePath = "/board/meeting.xhtml?id=" + agm;
        HttpResponse<String> page = TestServer.get(session, pagePath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Soumettre à un scrutin en ligne", "scrutin en ligne, ouvert jusqu");
        ZoneId zone = ZoneId.of(TestServer.FOUNDATION_ZONE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("motion", withoutQuorum);
        fields.put("closes", LocalDateTime.now(zone).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString());
        HttpResponse<String> refused = TestServer.submitForm(session, "/board/meeting.xhtml?meeting=" + agm,
                page.body(), "ballot", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le scrutin en ligne se clôt à une date et une heure");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.motion WHERE id = ?::uuid"
                + " AND ballot_id IS NULL", withoutQuorum)).isEqualTo(1);
        fields.put("closes", LocalDateTime.now(zone).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES).toString());
        HttpResponse<String> putOnPage = TestServer.submitForm(session, "/board/meeting.xhtml?meeting=" + agm,
                refused.body(), "ballot", fields);
        assertThat(putOnPage.statusCode()).as(putOnPage.body()).isEqualTo(200);
        assertThat(putOnPage.body()).contains("La proposition est soumise à un scrutin en ligne des membres.");
        String thirdBallot = motionView(secretary, base, withoutQuorum).getString("ballotId");

        // A single yes where three ballots are needed.
        vote(thirdBallot, voters, "yes");

        // The meeting adjourns; the ballots run on and the closing job decides the motions.
        expect(TestServer.postJson(client, base + "/adjournment", "", "Authorization", secretary.bearer()), 204);
        JsonObject carried = awaitDecided(secretary, base, twoThirds);
        assertThat(carried.getBoolean("carried")).isTrue();
        assertThat(carried.getString("ballotOutcome")).isEqualTo("adopted");
        assertThat(List.of(carried.getInt("votesFor"), carried.getInt("votesAgainst"), carried.getInt("abstentions")))
                .containsExactly(2, 1, 1);
        String number = carried.getString("resolutionNumber");
        assertThat(number).startsWith(TODAY.getYear() + "-");
        JsonObject defeated = awaitDecided(secretary, base, belowTwoThirds);
        assertThat(defeated.getBoolean("carried")).isFalse();
        assertThat(defeated.getString("ballotOutcome")).isEqualTo("rejected");
        assertThat(List.of(defeated.getInt("votesFor"), defeated.getInt("votesAgainst"),
                defeated.getInt("abstentions"))).containsExactly(3, 2, 0);
        assertThat(absent(defeated, "resolutionNumber")).isTrue();
        JsonObject noQuorum = awaitDecided(secretary, base, withoutQuorum);
        assertThat(noQuorum.getBoolean("carried")).isFalse();
        assertThat(noQuorum.getString("ballotOutcome")).isEqualTo("no-quorum");
        assertThat(noQuorum.getInt("votesFor")).isEqualTo(1);

        // Recorded once each, from the signed count the ballot page shows.
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.audit_event WHERE action ="
                + " 'meeting.motion-decided' AND detail LIKE ?", "motion " + twoThirds + "%")).isEqualTo(1);
        JsonObject tally = TestServer.json(TestServer.get(client, "/api/ballots/" + firstBallot))
                .getJsonObject("tally");
        assertThat(tally.getString("outcome")).isEqualTo("adopted");
        assertThat(TestServer.jsonArray(TestServer.get(client, "/api/meetings/resolutions", "Authorization",
                members.get(0).bearer())).getValuesAs(JsonObject.class).stream().map(row -> row.getString("number")))
                .contains(number);
        expect(post(secretary, base + "/motions/" + twoThirds + "/result", Json.createObjectBuilder()
                .add("votesFor", 3).add("votesAgainst", 0).add("abstentions", 0).build()), 409);

        // The page and the minutes say how each was decided.
        HttpResponse<String> decided = TestServer.get(session, pagePath);
        assertThat(decided.body()).contains("décidée par scrutin en ligne", "scrutin en ligne sans quorum",
                "/ballot.xhtml?id=" + firstBallot, number);
        JsonObject minutes = expect(post(secretary, base + "/minutes", JsonValue.EMPTY_JSON_OBJECT), 200);
        assertThat(minutes.getString("bodyEn")).contains(
                "Decided by online ballot: for 2, against 1, abstentions 1: carried (resolution " + number + ")",
                "Decided by online ballot: for 3, against 2, abstentions 0: defeated.",
                "did not reach its quorum: not carried");
        assertThat(minutes.getString("bodyFr")).contains(
                "Décidée par scrutin en ligne : pour 2, contre 1, abstentions 1 : adoptée (résolution " + number);
    }

    @Test
    void aBoardMeetingsMotionIsNotPutToAnOnlineBallot() {
        Meetings.bylaws(0, 30, "number", 3, true, 0);
        TestPeople.Person secretary = TestPeople.withRoles("ballot board secretary", "secretary");
        List<TestPeople.Person> directors = List.of(TestPeople.withRoles("Director Uno", "board"),
                TestPeople.withRoles("Director Dos", "board"));
        for (TestPeople.Person director : directors) {
            expect(post(secretary, "/api/board/terms", Json.createObjectBuilder().add("accountId", director.id())
                    .add("startsOn", TODAY.minusDays(10).toString()).add("endsOn", TODAY.plusYears(1).toString())
                    .build()), 201);
        }
        String board = expect(post(secretary, "/api/meetings", meeting("board", "08:00")), 201).getString("id");
        String base = "/api/meetings/" + board;
        for (TestPeople.Person director : directors) {
            expect(post(secretary, base + "/attendance", attend(director)), 200);
        }
        expect(post(secretary, base + "/call-to-order", JsonValue.EMPTY_JSON_OBJECT), 200);
        String motion = propose(secretary, base, "special", directors);
        long ballots = TestDatabase.number("SELECT count(*) FROM ballots.ballot");
        JsonObject refused = expect(post(secretary, ballotPath(base, motion),
                closing(Instant.now().plusSeconds(3600)), "Accept-Language", "fr"), 409);
        assertThat(refused.getString("type")).isEqualTo("urn:herdbook:problem:motion-ballot-needs-general-meeting");
        assertThat(refused.getString("detail")).contains("assemblée générale");
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.ballot")).isEqualTo(ballots);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.motion WHERE id = ?::uuid"
                + " AND ballot_id IS NULL AND decided_by IS NULL", motion)).isEqualTo(1);
        assertThat(TestServer.get(client, "/openapi").body()).contains("operationId: openMotionBallot");
    }

    private static void vote(String ballotId, List<TestVoters.Voter> voters, String... answers) {
        JsonObject ballot = TestServer.json(TestServer.get(TestVoters.CLIENT, "/api/ballots/" + ballotId));
        for (int i = 0; i < answers.length; i++) {
            TestVoters.Voter voter = voters.get(i);
            HttpResponse<String> registered = voter.register(ballotId);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            HttpResponse<String> cast = TestVoters.cast(ballotId, voter.vote(ballot, answers[i], 0));
            assertThat(cast.statusCode()).as(cast.body()).isEqualTo(201);
        }
    }

    private JsonObject awaitDecided(TestPeople.Person secretary, String base, String motion)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            JsonObject found = motionView(secretary, base, motion);
            if (!absent(found, "carried")) {
                return found;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("motion " + motion + " was not decided from its ballot in time");
    }

    /** JSON-B leaves null properties out. */
    private static boolean absent(JsonObject object, String name) {
        return !object.containsKey(name) || object.isNull(name);
    }

    private JsonObject motionView(TestPeople.Person secretary, String base, String motion) {
        return expect(TestServer.get(client, base, "Authorization", secretary.bearer()), 200)
                .getJsonArray("motions").getValuesAs(JsonObject.class).stream()
                .filter(view -> view.getString("id").equals(motion)).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(TestPeople.Person as, String path, JsonObject body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = as.bearer();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return TestServer.postJson(client, path, body.toString(), all);
    }

    private static JsonObject expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : TestServer.json(response);
    }

    private String propose(TestPeople.Person secretary, String base, String kind, List<TestPeople.Person> present) {
        return expect(post(secretary, base + "/motions", Json.createObjectBuilder().add("kind", kind)
                .add("textEn", "Resolved: amend article " + UUID.randomUUID().toString().substring(0, 4))
                .add("textFr", "Résolu : modifier l’article").add("moverId", present.get(0).id())
                .add("seconderId", present.get(1).id()).build()), 201).getString("id");
    }

    private static String ballotPath(String base, String motion) {
        return base + "/motions/" + motion + "/ballot";
    }

    private static JsonObject closing(Instant closes) {
        return Json.createObjectBuilder().add("closes", closes.toString()).build();
    }

    private static JsonObject meeting(String kind, String startsAt) {
        return Json.createObjectBuilder().add("kind", kind).add("titleEn", "Ballot meeting of " + TODAY)
                .add("titleFr", "Réunion à scrutin du " + TODAY).add("heldOn", TODAY.toString())
                .add("startsAt", startsAt).add("location", "En ligne").build();
    }

    private static JsonObject attend(TestPeople.Person person) {
        return Json.createObjectBuilder().add("accountId", person.id()).add("mode", "in-person").build();
    }
}
