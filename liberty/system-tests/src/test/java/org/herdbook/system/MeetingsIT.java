package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * General and board meetings through the API: the notice window on its boundaries, a record date
 * with nobody eligible, quorum lost and regained, motions carried and defeated under each
 * threshold, the bad inputs refused with nothing stored, minutes approved and locked, and the
 * board as it stood on a past day.
 */
class MeetingsIT {

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

    private HttpResponse<String> post(TestPeople.Person as, String path, JsonObject body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = as.bearer();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return TestServer.postJson(client, path, body.toString(), all);
    }

    private JsonObject expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : TestServer.json(response);
    }

    private static JsonObjectBuilder meeting(String kind, LocalDate heldOn, String startsAt) {
        return Json.createObjectBuilder().add("kind", kind).add("titleEn", "Meeting of " + heldOn)
                .add("titleFr", "Réunion du " + heldOn).add("heldOn", heldOn.toString()).add("startsAt", startsAt)
                .add("location", "Salle Éole, Winnipeg");
    }

    private static long meetings() {
        return TestDatabase.number("SELECT count(*) FROM governance.meeting");
    }

    @Test
    void noticeGoesOnlyInsideTheWindowFromItsFirstToItsLastDay() {
        Meetings.bylaws(14, 30, "number", 2, true, 0);
        TestPeople.Person secretary = TestPeople.withRoles("notice secretary", "secretary");
        TestPeople.Person voter = Meetings.eligibleMember("fr", "Électrice Ouellet");

        // One day past the last day to give notice: refused, nothing stored.
        long before = meetings();
        JsonObject late = expect(post(secretary, "/api/meetings", meeting("annual-general", TODAY.plusDays(13),
                "19:00").build(), "Accept-Language", "fr"), 409);
        assertThat(late.getString("type")).isEqualTo("urn:herdbook:problem:notice-too-late");
        assertThat(late.getString("detail")).contains("14 jours", TODAY.minusDays(1).toString());
        assertThat(meetings()).isEqualTo(before);

        // Today is the last day to give notice of a meeting in 14 days.
        String lastDay = expect(post(secretary, "/api/meetings", meeting("annual-general", TODAY.plusDays(14),
                "19:00").build()), 201).getString("id");
        JsonObject sent = expect(post(secretary, "/api/meetings/" + lastDay + "/notice", JsonValue.EMPTY_JSON_OBJECT),
                200);
        assertThat(sent.getInt("sent")).isPositive();
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.meeting_notice WHERE meeting_id = ?::uuid"
                + " AND account_id = ?::uuid AND language = 'fr'", lastDay, voter.id())).isEqualTo(1);
        TestMail.Letter letter = TestMail.awaitLetter(voter.email(), "assemblée générale annuelle du "
                + TODAY.plusDays(14));
        assertThat(letter.language()).isEqualTo("fr");
        assertThat(letter.body()).contains("Bonjour Électrice Ouellet", "Salle Éole", "date de référence");
        expect(post(secretary, "/api/meetings/" + lastDay + "/notice", JsonValue.EMPTY_JSON_OBJECT), 409);

        // Today is the first day notice may go for a meeting in 30 days.
        String firstDay = expect(post(secretary, "/api/meetings", meeting("special-general", TODAY.plusDays(30),
                "19:00").build()), 201).getString("id");
        expect(post(secretary, "/api/meetings/" + firstDay + "/notice", JsonValue.EMPTY_JSON_OBJECT), 200);

        // One day before the first day: the meeting can be scheduled, its notice cannot go yet.
        String early = expect(post(secretary, "/api/meetings", meeting("special-general", TODAY.plusDays(31),
                "19:00").build()), 201).getString("id");
        JsonObject tooEarly = expect(post(secretary, "/api/meetings/" + early + "/notice",
                JsonValue.EMPTY_JSON_OBJECT), 409);
        assertThat(tooEarly.getString("type")).isEqualTo("urn:herdbook:problem:notice-too-early");
        assertThat(tooEarly.getString("detail")).contains(TODAY.plusDays(1).toString());
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.meeting_notice WHERE meeting_id = ?::uuid",
                early)).isZero();
    }

    @Test
    void aGeneralMeetingWithNobodyEligibleOnItsRecordDateIsRefusedInTheCallersLanguage() {
        Meetings.bylaws(0, 30, "number", 2, true, 0);
        TestPeople.Person secretary = TestPeople.withRoles("empty secretary", "secretary");
        long before = meetings();
        JsonObject refused = expect(post(secretary, "/api/meetings", meeting("annual-general", TODAY, "19:00")
                .add("recordDate", "2001-01-01").build(), "Accept-Language", "fr"), 409);
        assertThat(refused.getString("type")).isEqualTo("urn:herdbook:problem:no-eligible-members");
        assertThat(refused.getString("detail")).contains("Aucun membre", "2001-01-01");
        JsonObject invalid = expect(post(secretary, "/api/meetings", Json.createObjectBuilder()
                .add("kind", "picnic").add("titleEn", " ").add("heldOn", TODAY.toString()).build()), 400);
        assertThat(invalid.getString("detail")).contains("annual general", "English and in French", "starting time");
        assertThat(meetings()).isEqualTo(before);
    }

    @Test
    void anAgmLosesAndRegainsQuorumDecidesMotionsByEachThresholdAndItsApprovedMinutesAreLocked()
            throws SQLException {
        Meetings.bylaws(0, 30, "number", 3, true, 0);
        TestPeople.Person secretary = TestPeople.withRoles("agm secretary", "secretary");
        TestPeople.Person director = TestPeople.withRoles("agm director", "board");
        List<TestPeople.Person> members = List.of(Meetings.eligibleMember("en", "Ada Voter"),
                Meetings.eligibleMember("en", "Bea Voter"), Meetings.eligibleMember("fr", "Céline Votante"),
                Meetings.eligibleMember("en", "Dan Voter"), Meetings.eligibleMember("fr", "Élise Votante"));
        String agm = expect(post(secretary, "/api/meetings", meeting("annual-general", TODAY, "09:00").build()), 201)
                .getString("id");
        String base = "/api/meetings/" + agm;
        expect(post(secretary, base + "/agenda", Json.createObjectBuilder().add("titleEn", "Elect the board")
                .add("titleFr", "Élire le conseil").build()), 201);

        // Someone not eligible on the record date does not attend.
        TestPeople.Person applicant = TestPeople.withRoles("applicant", "member");
        expect(post(secretary, base + "/attendance", attend(applicant, "in-person")), 409);

        for (TestPeople.Person member : members.subList(0, 3)) {
            expect(post(secretary, base + "/attendance", attend(member, "in-person")), 200);
        }
        JsonObject called = expect(post(secretary, base + "/call-to-order", JsonValue.EMPTY_JSON_OBJECT), 200);
        assertThat(called.getInt("present")).isEqualTo(3);
        assertThat(called.getBoolean("quorate")).isTrue();

        // Céline leaves: 2 of 3 needed, quorum lost; she comes back online: regained.
        JsonObject lost = expect(post(secretary, base + "/attendance", attend(members.get(2), "left")), 200);
        assertThat(lost.getBoolean("quorate")).isFalse();
        String motionPath = base + "/motions";
        String early = expect(post(secretary, motionPath, motion("ordinary", members.get(0), members.get(1))), 201)
                .getString("id");
        JsonObject noQuorum = expect(post(secretary, motionPath + "/" + early + "/result", counts(2, 0, 0)), 409);
        assertThat(noQuorum.getString("type")).isEqualTo("urn:herdbook:problem:meeting-not-quorate");
        JsonObject regained = expect(post(secretary, base + "/attendance", attend(members.get(2), "online")), 200);
        assertThat(regained.getBoolean("quorate")).isTrue();
        // Dan by proxy held by Ada, Élise in person: five present.
        expect(post(secretary, base + "/attendance", Json.createObjectBuilder().add("accountId", members.get(3).id())
                .add("mode", "proxy").add("proxyHolder", members.get(0).id()).build()), 200);
        JsonObject five = expect(post(secretary, base + "/attendance", attend(members.get(4), "in-person")), 200);
        assertThat(five.getInt("present")).isEqualTo(5);

        JsonArray events = expect(TestServer.get(client, base, "Authorization", secretary.bearer()), 200)
                .getJsonArray("quorumEvents");
        assertThat(events.getValuesAs(JsonObject.class).stream().map(event -> event.getString("kind")))
                .containsExactly("called-to-order", "lost", "regained");

        // A seconder who is the mover: refused, in the caller's language, nothing stored.
        long motions = TestDatabase.number("SELECT count(*) FROM governance.motion WHERE meeting_id = ?::uuid", agm);
        JsonObject sameSeconder = expect(post(secretary, motionPath, motion("ordinary", members.get(0),
                members.get(0)), "Accept-Language", "fr"), 400);
        assertThat(sameSeconder.getString("detail")).contains("différente de celle qui propose");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.motion WHERE meeting_id = ?::uuid", agm))
                .isEqualTo(motions);

        // Ordinary: 3 to 2 carries, 2 to 2 does not. Special: 2 to 1 (two thirds) carries, 3 to 2 does not.
        JsonObject carried = expect(post(secretary, motionPath + "/" + early + "/result", counts(3, 2, 0)), 200);
        assertThat(carried.getBoolean("carried")).isTrue();
        assertThat(carried.getString("resolutionNumber")).startsWith(TODAY.getYear() + "-");
        assertThat(decide(secretary, motionPath, "ordinary", members, 2, 2, 1).getBoolean("carried")).isFalse();
        JsonObject special = decide(secretary, motionPath, "special", members, 2, 1, 2);
        assertThat(special.getBoolean("carried")).isTrue();
        assertThat(decide(secretary, motionPath, "special", members, 3, 2, 0).getBoolean("carried")).isFalse();

        // More votes than people present: refused, the motion stays undecided.
        String counted = expect(post(secretary, motionPath, motion("ordinary", members.get(1), members.get(2))), 201)
                .getString("id");
        JsonObject tooMany = expect(post(secretary, motionPath + "/" + counted + "/result", counts(4, 2, 0)), 400);
        assertThat(tooMany.getString("type")).isEqualTo("urn:herdbook:problem:vote-count-exceeds-attendance");
        assertThat(tooMany.getString("detail")).contains("6", "5");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.motion WHERE id = ?::uuid"
                + " AND decided_at IS NULL", counted)).isEqualTo(1);
        expect(post(secretary, motionPath + "/" + early + "/result", counts(1, 0, 0)), 409);

        // The resolutions register lists the carried ones.
        JsonArray register = TestServer.jsonArray(TestServer.get(client, "/api/meetings/resolutions",
                "Authorization", members.get(0).bearer()));
        assertThat(register.getValuesAs(JsonObject.class).stream().map(row -> row.getString("number")))
                .contains(carried.getString("resolutionNumber"), special.getString("resolutionNumber"));

        expect(TestServer.postJson(client, base + "/adjournment", "", "Authorization", secretary.bearer()), 204);
        JsonObject minutes = expect(post(secretary, base + "/minutes", JsonValue.EMPTY_JSON_OBJECT), 200);
        assertThat(minutes.getString("status")).isEqualTo("draft");
        assertThat(minutes.getString("bodyEn")).contains("Quorum lost", "Quorum regained", "Ada Voter",
                "proxy held by Ada Voter", "carried (resolution " + carried.getString("resolutionNumber"),
                "Elect the board");
        assertThat(minutes.getString("bodyFr")).contains("Quorum perdu", "rejetée", "Élire le conseil");
        expect(TestServer.putJson(client, base + "/minutes", Json.createObjectBuilder()
                .add("bodyEn", minutes.getString("bodyEn") + "\nThe secretary thanked everyone.")
                .add("bodyFr", minutes.getString("bodyFr") + "\nLa secrétaire remercie tout le monde.").build()
                .toString(), secretary.bearer()), 200);
        Meetings.PdfText pdf = Meetings.pdf(client, base + "/minutes.pdf", "Authorization", secretary.bearer());
        assertThat(pdf.text()).contains("Minutes", "Procès-verbal", "The secretary thanked everyone.",
                "La secrétaire remercie tout le monde.", "1 / " + pdf.pages());

        // The board meets later the same day and approves them; a non-board approver is refused first.
        String boardTerm = expect(post(secretary, "/api/board/terms", Json.createObjectBuilder()
                .add("accountId", director.id()).add("startsOn", TODAY.minusDays(30).toString())
                .add("endsOn", TODAY.plusYears(2).toString()).build()), 201).getString("id");
        assertThat(boardTerm).isNotBlank();
        String boardMeeting = expect(post(secretary, "/api/meetings", meeting("board", TODAY, "23:00").build()), 201)
                .getString("id");
        expect(post(secretary, "/api/meetings/" + boardMeeting + "/call-to-order", JsonValue.EMPTY_JSON_OBJECT), 200);
        JsonObject notBoard = expect(post(secretary, base + "/minutes/approval", Json.createObjectBuilder()
                .add("atMeeting", boardMeeting).build(), "Accept-Language", "fr"), 403);
        assertThat(notBoard.getString("detail")).contains("Seuls les membres du conseil");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.minutes WHERE meeting_id = ?::uuid"
                + " AND approved_at IS NULL", agm)).isEqualTo(1);
        JsonObject approved = expect(post(director, base + "/minutes/approval", Json.createObjectBuilder()
                .add("atMeeting", boardMeeting).build()), 200);
        assertThat(approved.getString("status")).isEqualTo("approved");

        // Locked: the API refuses edits and a new draft, the database refuses any change.
        expect(TestServer.putJson(client, base + "/minutes", Json.createObjectBuilder().add("bodyEn", "rewritten")
                .add("bodyFr", "réécrit").build().toString(), secretary.bearer()), 409);
        expect(post(secretary, base + "/minutes", JsonValue.EMPTY_JSON_OBJECT), 409);
        assertThatThrownBy(() -> TestDatabase.update("UPDATE governance.minutes SET body_en = 'x' WHERE meeting_id"
                + " = ?::uuid", agm)).isInstanceOf(SQLException.class).hasMessageContaining("locked");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.minutes WHERE meeting_id = ?::uuid"
                + " AND body_en LIKE '%thanked everyone.'", agm)).isEqualTo(1);

        // The public sees the decisions, never who attended.
        HttpResponse<String> published = TestServer.get(TestServer.newSession(), "/api/meetings/published-minutes");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains(agm, carried.getString("resolutionNumber")).doesNotContain("Ada Voter");
        HttpResponse<String> page = TestServer.open(TestServer.newSession(), "/public/minutes.xhtml?lang=fr");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Réunion du " + TODAY, "adoptée").doesNotContain("Ada Voter");
    }

    @Test
    void theBoardAsItStoodOnAPastDayWithOfficesResignationsAndTheTermLimit() {
        TestPeople.Person secretary = TestPeople.withRoles("board secretary", "secretary");
        TestPeople.Person president = TestPeople.withRoles("Présidente Ancienne", "member");
        TestPeople.Person resigner = TestPeople.withRoles("Director Who Resigned", "member");
        LocalDate start = LocalDate.of(2019, 1, 1);
        String presidentTerm = expect(post(secretary, "/api/board/terms", term(president, start,
                LocalDate.of(2020, 12, 31))), 201).getString("id");
        String resignerTerm = expect(post(secretary, "/api/board/terms", term(resigner, LocalDate.of(2019, 6, 1),
                LocalDate.of(2021, 5, 31))), 201).getString("id");
        expect(post(secretary, "/api/board/terms/" + presidentTerm + "/offices", Json.createObjectBuilder()
                .add("office", "president").add("startsOn", start.toString()).add("endsOn", "2020-12-31").build()), 201);
        expect(post(secretary, "/api/board/terms/" + resignerTerm + "/resignation", Json.createObjectBuilder()
                .add("effectiveOn", "2020-03-01").build()), 200);

        // One president at a time; offices the bylaws do not name; overlapping terms.
        expect(post(secretary, "/api/board/terms/" + resignerTerm + "/offices", Json.createObjectBuilder()
                .add("office", "president").add("startsOn", "2019-06-01").add("endsOn", "2020-02-28").build()), 409);
        expect(post(secretary, "/api/board/terms/" + resignerTerm + "/offices", Json.createObjectBuilder()
                .add("office", "emperor").add("startsOn", "2019-06-01").add("endsOn", "2020-02-28").build()), 400);
        expect(post(secretary, "/api/board/terms", term(president, LocalDate.of(2020, 6, 1),
                LocalDate.of(2022, 5, 31))), 409);

        JsonArray inAutumn2019 = board("2019-10-01");
        assertThat(seat(inAutumn2019, president)).isNotNull();
        assertThat(seat(inAutumn2019, president).getJsonArray("offices").getString(0)).isEqualTo("president");
        assertThat(seat(inAutumn2019, resigner)).isNotNull();
        // The day the resignation took effect, and after the president's term.
        assertThat(seat(board("2020-03-01"), resigner)).isNull();
        assertThat(seat(board("2020-02-29"), resigner)).isNotNull();
        assertThat(seat(board("2021-01-01"), president)).isNull();
        expect(TestServer.get(client, "/api/board?on=2019-02-30"), 400);
        HttpResponse<String> page = TestServer.get(TestServer.newSession(), "/public/board.xhtml?on=2019-10-01");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Présidente Ancienne", "Director Who Resigned");

        // With a limit of one term, a second one is refused and nothing is stored.
        Meetings.bylaws(21, 60, "percent", 10, true, 1);
        long terms = TestDatabase.number("SELECT count(*) FROM governance.director_term WHERE account_id = ?::uuid",
                president.id());
        JsonObject limited = expect(post(secretary, "/api/board/terms", term(president, LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31))), 409);
        assertThat(limited.getString("type")).isEqualTo("urn:herdbook:problem:director-term-limit");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.director_term WHERE account_id = ?::uuid",
                president.id())).isEqualTo(terms);
    }

    @Test
    void aFilingDueSoonIsRemindedToTheSecretariesOnceInTheirLanguage() {
        TestPeople.Person secretary = TestPeople.speaking("fr", "Secrétaire Rappel", "secretary");
        long before = TestDatabase.number("SELECT count(*) FROM governance.filing");
        expect(post(secretary, "/api/filings", Json.createObjectBuilder().add("titleEn", " ").add("dueOn", "soon")
                .build()), 400);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.filing")).isEqualTo(before);
        String later = expect(post(secretary, "/api/filings", Json.createObjectBuilder()
                .add("titleEn", "Annual return " + TODAY.plusDays(200)).add("titleFr", "Rapport annuel lointain")
                .add("authority", "Corporations Canada").add("dueOn", TODAY.plusDays(200).toString()).build()), 201)
                .getString("id");
        String soon = expect(post(secretary, "/api/filings", Json.createObjectBuilder()
                .add("titleEn", "Annual return").add("titleFr", "Rapport annuel " + TODAY.plusDays(10))
                .add("authority", "Corporations Canada").add("dueOn", TODAY.plusDays(10).toString())
                .add("remindDaysBefore", 10).build()), 201).getString("id");

        expect(post(secretary, "/api/filings/reminders", JsonValue.EMPTY_JSON_OBJECT), 200);
        TestMail.Letter reminder = TestMail.awaitLetter(secretary.email(), "Rapport annuel " + TODAY.plusDays(10));
        assertThat(reminder.language()).isEqualTo("fr");
        assertThat(reminder.body()).contains("Corporations Canada", "n’est pas encore inscrite comme déposée");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.filing WHERE id = ?::uuid"
                + " AND reminded_at IS NOT NULL", soon)).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.filing WHERE id = ?::uuid"
                + " AND reminded_at IS NULL", later)).isEqualTo(1);
        // Once only.
        expect(post(secretary, "/api/filings/reminders", JsonValue.EMPTY_JSON_OBJECT), 200);
        assertThat(TestMail.lettersTo(secretary.email()).stream()
                .filter(letter -> letter.subject().contains("Rapport annuel " + TODAY.plusDays(10)))).hasSize(1);

        expect(post(secretary, "/api/filings/" + soon + "/filed", Json.createObjectBuilder()
                .add("filedOn", TODAY.toString()).build()), 204);
        expect(post(secretary, "/api/filings/" + soon + "/filed", Json.createObjectBuilder()
                .add("filedOn", TODAY.toString()).build()), 409);
    }

    private JsonObject decide(TestPeople.Person secretary, String motionPath, String kind,
            List<TestPeople.Person> members, int votesFor, int against, int abstaining) {
        String id = expect(post(secretary, motionPath, motion(kind, members.get(4), members.get(1))), 201)
                .getString("id");
        return expect(post(secretary, motionPath + "/" + id + "/result", counts(votesFor, against, abstaining)), 200);
    }

    private JsonArray board(String on) {
        return expect(TestServer.get(client, "/api/board?on=" + on), 200).getJsonArray("directors");
    }

    private static JsonObject seat(JsonArray directors, TestPeople.Person person) {
        return directors.getValuesAs(JsonObject.class).stream()
                .filter(seat -> seat.getString("accountId").equals(person.id())).findFirst().orElse(null);
    }

    private static JsonObject term(TestPeople.Person person, LocalDate from, LocalDate to) {
        return Json.createObjectBuilder().add("accountId", person.id()).add("startsOn", from.toString())
                .add("endsOn", to.toString()).build();
    }

    private static JsonObject attend(TestPeople.Person person, String mode) {
        return Json.createObjectBuilder().add("accountId", person.id()).add("mode", mode).build();
    }

    private static JsonObject motion(String kind, TestPeople.Person mover, TestPeople.Person seconder) {
        return Json.createObjectBuilder().add("kind", kind).add("textEn", "Resolved: keep the lights on " + UUID
                .randomUUID().toString().substring(0, 4)).add("textFr", "Résolu : garder la lumière allumée")
                .add("moverId", mover.id()).add("seconderId", seconder.id()).build();
    }

    private static JsonObject counts(int votesFor, int against, int abstaining) {
        return Json.createObjectBuilder().add("votesFor", votesFor).add("votesAgainst", against)
                .add("abstentions", abstaining).build();
    }
}
