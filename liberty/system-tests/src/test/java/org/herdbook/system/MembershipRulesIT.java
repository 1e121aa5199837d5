package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Standing over time through the API: dues recorded by hand, grace and lapse, board decisions,
 * project memberships, the voting eligibility rule on its boundaries, the directory and its CSV,
 * the audit log, and the database refusing to rewrite history.
 */
class MembershipRulesIT {

    /** The day in the foundation's time zone, as the server counts it. */
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE));

    private final HttpClient client = TestServer.newSession();

    private JsonObject post(TestPeople.Person as, String path, JsonObject body, int expectedStatus) {
        HttpResponse<String> response = TestServer.postJson(client, path, body.toString(), "Authorization", as.bearer());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expectedStatus);
        return TestServer.json(response);
    }

    private JsonObject get(TestPeople.Person as, String path) {
        HttpResponse<String> response = TestServer.get(client, path, "Authorization", as.bearer());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    private static JsonObject payment(String amount, LocalDate paidOn, int months) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", "CAD").add("paidOn", paidOn.toString())
                .add("months", months).add("reference", "cash at the meetup").build();
    }

    @Test
    void duesPaidByHandMakeAnApplicantActiveUntilThePaidPeriodAndGraceRunOut() {
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        TestPeople.Person member = TestPeople.withRoles("payer", "member");
        assertThat(get(member, "/api/me/membership").getString("standing")).isEqualTo("applicant");

        JsonObject file = post(treasurer, "/api/members/" + member.id() + "/dues-payments",
                payment("5.00", TODAY, 1), 201);
        assertThat(file.getString("standing")).isEqualTo("active");
        assertThat(file.getString("paidUntil")).isEqualTo(TODAY.plusMonths(1).minusDays(1).toString());
        assertThat(get(member, "/api/me/membership").getJsonObject("votingToday").getBoolean("eligible")).isTrue();

        // A payment for a period that has already ended does not make an applicant active.
        TestPeople.Person stale = TestPeople.withRoles("stale", "member");
        JsonObject staleFile = post(treasurer, "/api/members/" + stale.id() + "/dues-payments",
                payment("5.00", TODAY.minusMonths(3), 1), 201);
        assertThat(staleFile.getString("standing")).isEqualTo("applicant");
        // A member can read their own history; nobody else's.
        assertThat(TestServer.get(client, "/api/members/" + member.id(), "Authorization", stale.bearer()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aMemberWhosePaidPeriodEndedIsInGraceThenLapsedAndTheCalendarJobWritesItDown() throws SQLException {
        // A member who joined three months ago and paid for one month, two months ago.
        TestPeople.Person late = TestPeople.withRoles("late", "treasurer");
        LocalDate joined = TODAY.minusMonths(3);
        LocalDate paidOn = TODAY.minusMonths(2);
        LocalDate paidUntil = paidOn.plusMonths(1).minusDays(1);
        TestDatabase.update("INSERT INTO governance.membership (account_id, member_class) VALUES (?::uuid, 'general')",
                late.id());
        TestDatabase.update("INSERT INTO governance.standing_change (account_id, standing, effective_on, cause)"
                + " VALUES (?::uuid, 'applicant', ?, 'application'), (?::uuid, 'active', ?, 'dues-payment')",
                late.id(), joined, late.id(), paidOn);
        TestDatabase.update("INSERT INTO governance.dues_payment (id, account_id, amount, currency, paid_on,"
                + " covers_until, source) VALUES (?::uuid, ?::uuid, 5.00, 'CAD', ?, ?, 'hand')",
                java.util.UUID.randomUUID().toString(), late.id(), paidOn, paidUntil);

        JsonObject file = get(late, "/api/me/membership");
        assertThat(file.getString("paidUntil")).isEqualTo(paidUntil.toString());
        assertThat(file.getJsonArray("standingHistory").stream().map(JsonObject.class::cast)
                .map(period -> period.getString("standing") + "@" + period.getString("from")))
                .containsSubsequence("active@" + paidOn, "in-grace@" + paidUntil.plusDays(1));
        // Grace is 30 days by default: lapsed from the 31st day after the paid period.
        boolean lapsed = !TODAY.isBefore(paidUntil.plusDays(31));
        assertThat(file.getString("standing")).isEqualTo(lapsed ? "lapsed" : "in-grace");

        // A payment today makes them active again from today; the history keeps everything.
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        JsonObject paid = post(treasurer, "/api/members/" + late.id() + "/dues-payments", payment("5.00", TODAY, 1), 201);
        assertThat(paid.getString("standing")).isEqualTo("active");
        assertThat(paid.getJsonArray("standingHistory").stream().map(JsonObject.class::cast)
                .map(period -> period.getString("standing"))).containsSubsequence("applicant", "active", "in-grace",
                        "active");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.standing_change WHERE account_id = ?::uuid"
                + " AND standing = 'in-grace' AND cause = 'dues-overdue'", late.id())).isEqualTo(1);
    }

    /** A general member since before {@code paidOn}, who paid for the month from {@code paidOn} and nothing since. */
    private static TestPeople.Person generalMemberWhoPaidOneMonth(LocalDate paidOn) throws SQLException {
        TestPeople.Person person = TestPeople.withRoles("former payer", "treasurer");
        TestDatabase.update("INSERT INTO governance.membership (account_id, member_class) VALUES (?::uuid, 'general')",
                person.id());
        TestDatabase.update("INSERT INTO governance.standing_change (account_id, standing, effective_on, cause)"
                + " VALUES (?::uuid, 'applicant', ?, 'application'), (?::uuid, 'active', ?, 'dues-payment')",
                person.id(), paidOn.minusDays(5), person.id(), paidOn);
        TestDatabase.update("INSERT INTO governance.dues_payment (id, account_id, amount, currency, paid_on,"
                + " covers_until, source) VALUES (?::uuid, ?::uuid, 5.00, 'CAD', ?, ?, 'hand')",
                java.util.UUID.randomUUID().toString(), person.id(), paidOn, paidOn.plusMonths(1).minusDays(1));
        return person;
    }

    @Test
    void aProjectMembersStandingRestsOnTheGrantNotOnDuesTheyPaidBefore() throws SQLException {
        // A general member whose one paid month ended two months ago, so in grace or lapsed by now...
        TestPeople.Person contributor = generalMemberWhoPaidOneMonth(TODAY.minusMonths(3));
        assertThat(get(contributor, "/api/me/membership").getString("standing")).isEqualTo("lapsed");

        // ...is granted a project membership: active from today, and the dues calendar leaves them alone.
        TestPeople.Person board = TestPeople.withRoles("director", "board");
        JsonObject granted = post(board, "/api/members/" + contributor.id() + "/project-membership",
                Json.createObjectBuilder().add("project", "Translations").add("description", "French interface")
                        .add("evidenceUrl", "https://git.example/translations").add("startsOn", TODAY.toString())
                        .add("reviewOn", TODAY.plusYears(1).toString()).build(), 200);
        assertThat(granted.getString("standing")).isEqualTo("active");
        JsonObject own = get(contributor, "/api/me/membership");
        assertThat(own.getString("standing")).isEqualTo("active");
        assertThat(own.getJsonObject("votingToday").getBoolean("eligible")).isTrue();
        // What the calendar did while they were a general member stays in their history, written down.
        assertThat(own.getJsonArray("standingHistory").stream().map(JsonObject.class::cast)
                .map(period -> period.getString("standing")))
                .containsSubsequence("active", "in-grace", "lapsed", "active").last().isEqualTo("active");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.standing_change WHERE account_id = ?::uuid"
                + " AND standing IN ('in-grace', 'lapsed') AND cause = 'dues-overdue'", contributor.id())).isEqualTo(2);
        JsonObject directory = get(board, "/api/members?class=project&standing=active");
        assertThat(directory.toString()).contains(contributor.id());

        // A general member still in grace (paid period ended ten days ago) granted a project membership is active.
        TestPeople.Person inGrace = generalMemberWhoPaidOneMonth(TODAY.minusDays(10).minusMonths(1));
        assertThat(get(inGrace, "/api/me/membership").getString("standing")).isEqualTo("in-grace");
        JsonObject graceGranted = post(board, "/api/members/" + inGrace.id() + "/project-membership",
                Json.createObjectBuilder().add("project", "Docs").add("description", "Admin guide")
                        .add("evidenceUrl", "https://git.example/docs").add("startsOn", TODAY.toString())
                        .add("reviewOn", TODAY.plusYears(1).toString()).build(), 200);
        assertThat(graceGranted.getString("standing")).isEqualTo("active");
        assertThat(get(inGrace, "/api/me/membership").getString("standing")).isEqualTo("active");
    }

    @Test
    void badDuesPaymentsAreRefusedAndNothingIsRecorded() {
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        TestPeople.Person member = TestPeople.withRoles("payer", "member");
        String path = "/api/members/" + member.id() + "/dues-payments";
        post(treasurer, path, payment("-5.00", TODAY, 1), 400);
        post(treasurer, path, payment("5.001", TODAY, 1), 400);
        post(treasurer, path, payment("5.00", TODAY.plusDays(3), 1), 400);
        post(treasurer, path, payment("5.00", TODAY, 0), 400);
        post(treasurer, path, Json.createObjectBuilder().add("amount", "5.00").add("currency", "EUR")
                .add("paidOn", TODAY.toString()).build(), 400);
        post(treasurer, "/api/members/" + java.util.UUID.randomUUID() + "/dues-payments", payment("5.00", TODAY, 1), 404);
        post(treasurer, "/api/members/not-a-uuid/dues-payments", payment("5.00", TODAY, 1), 404);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_payment WHERE account_id = ?::uuid",
                member.id())).isZero();
        assertThat(get(member, "/api/me/membership").getString("standing")).isEqualTo("applicant");
    }

    @Test
    void theBoardRemovesReinstatesAndGrantsProjectMemberships() {
        TestPeople.Person board = TestPeople.withRoles("director", "board");
        TestPeople.Person member = TestPeople.withRoles("contributor", "member");
        String base = "/api/members/" + member.id();

        JsonObject granted = post(board, base + "/project-membership", Json.createObjectBuilder()
                .add("project", "Moderation tooling").add("description", "Wrote the report triage bot")
                .add("evidenceUrl", "https://git.example/triage-bot").add("startsOn", TODAY.toString())
                .add("reviewOn", TODAY.plusYears(1).toString()).build(), 200);
        assertThat(granted.getString("memberClass")).isEqualTo("project");
        assertThat(granted.getString("standing")).isEqualTo("active");
        assertThat(granted.getJsonArray("projectContributions")).hasSize(1);

        post(board, base + "/project-membership", Json.createObjectBuilder().add("project", "x")
                .add("description", "y").add("evidenceUrl", "javascript:alert(1)").add("startsOn", TODAY.toString())
                .add("reviewOn", TODAY.minusDays(1).toString()).build(), 400);

        // Removal needs a reason; grace and lapse are not the board's to decide.
        post(board, base + "/standing", Json.createObjectBuilder().add("standing", "removed").build(), 400);
        post(board, base + "/standing", Json.createObjectBuilder().add("standing", "lapsed").add("reason", "x").build(),
                400);
        JsonObject removed = post(board, base + "/standing", Json.createObjectBuilder().add("standing", "removed")
                .add("reason", "Harassment, board meeting of " + TODAY).build(), 200);
        assertThat(removed.getString("standing")).isEqualTo("removed");
        post(board, base + "/standing", Json.createObjectBuilder().add("standing", "removed").add("reason", "again")
                .build(), 409);
        post(board, base + "/standing", Json.createObjectBuilder().add("standing", "active")
                .add("effectiveOn", TODAY.minusDays(10).toString()).build(), 409);
        JsonObject reinstated = post(board, base + "/standing", Json.createObjectBuilder().add("standing", "active")
                .add("reason", "Appeal upheld").build(), 200);
        assertThat(reinstated.getString("standing")).isEqualTo("active");

        JsonObject own = get(member, "/api/me/membership");
        assertThat(own.getJsonArray("standingHistory").stream().map(JsonObject.class::cast)
                .map(period -> period.getString("standing"))).containsSubsequence("active", "removed", "active");
    }

    @Test
    void eligibilityHoldsFromTheDayOfActivationAndHonoursTheMinimumMembershipDays() {
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        TestPeople.Person secretary = TestPeople.withRoles("secretary", "secretary");
        TestPeople.Person admin = TestPeople.withRoles("admin", "admin");
        TestPeople.Person member = TestPeople.withRoles("voter", "member");
        // Active from today (the day of payment); record dates may lie ahead (a ballot's roll).
        LocalDate joined = TODAY;
        post(treasurer, "/api/members/" + member.id() + "/dues-payments", payment("10.00", joined, 2), 201);
        String eligibility = "/api/members/" + member.id() + "/eligibility?recordDate=";

        assertThat(get(secretary, eligibility + joined.minusDays(1)).getBoolean("eligible")).isFalse();
        assertThat(get(secretary, eligibility + joined).getBoolean("eligible")).isTrue();

        JsonObject bylaws = Json.createObjectBuilder().add("duesGraceDays", 30).add("graceKeepsVote", true)
                .add("minMembershipDays", 10).build();
        HttpResponse<String> changed = TestServer.putJson(client, "/api/bylaws", bylaws.toString(), admin.bearer());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        try {
            JsonObject dayNine = get(secretary, eligibility + joined.plusDays(9));
            assertThat(dayNine.getBoolean("eligible")).isFalse();
            assertThat(dayNine.getString("reason")).isEqualTo("too-recent");
            assertThat(get(secretary, eligibility + joined.plusDays(10)).getBoolean("eligible")).isTrue();
        } finally {
            TestServer.putJson(client, "/api/bylaws", Json.createObjectBuilder().add("duesGraceDays", 30)
                    .add("graceKeepsVote", true).add("minMembershipDays", 0).build().toString(), admin.bearer());
        }
        HttpResponse<String> badDate = TestServer.get(client, eligibility + "2026-13-45", "Authorization",
                secretary.bearer());
        assertThat(badDate.statusCode()).isEqualTo(400);
        HttpResponse<String> badBylaws = TestServer.putJson(client, "/api/bylaws", Json.createObjectBuilder()
                .add("duesGraceDays", -1).add("minMembershipDays", 99999).build().toString(), admin.bearer());
        assertThat(badBylaws.statusCode()).isEqualTo(400);
    }

    @Test
    void theDirectoryFiltersCountsAndExportsCsvWithoutFormulas() {
        TestPeople.Person secretary = TestPeople.withRoles("secretary", "secretary");
        TestPeople.Person board = TestPeople.withRoles("director", "board");
        TestPeople.Person formula = TestPeople.withRoles("=HYPERLINK(\"http://evil\")", "member");
        post(board, "/api/members/" + formula.id() + "/standing", Json.createObjectBuilder().add("standing", "resigned")
                .build(), 200);

        JsonObject all = get(secretary, "/api/members");
        JsonObject resigned = get(secretary, "/api/members?standing=resigned");
        assertThat(resigned.getJsonArray("members").stream().map(JsonObject.class::cast)
                .map(row -> row.getString("standing"))).isNotEmpty().containsOnly("resigned");
        assertThat(resigned.getJsonArray("members").stream().map(JsonObject.class::cast)
                .map(row -> row.getString("id"))).contains(formula.id());
        long counted = all.getJsonObject("counts").getJsonObject("general").getJsonNumber("resigned").longValue()
                + all.getJsonObject("counts").getJsonObject("project").getJsonNumber("resigned").longValue();
        assertThat(counted).isEqualTo(resigned.getJsonArray("members").size());
        assertThat(all.getInt("total")).isEqualTo(all.getJsonArray("members").size());
        assertThat(TestServer.get(client, "/api/members?standing=asleep", "Authorization", secretary.bearer())
                .statusCode()).isEqualTo(400);

        HttpResponse<String> csv = TestServer.get(client, "/api/members/export.csv?standing=resigned",
                "Authorization", secretary.bearer(), "Accept-Language", "fr");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElse("")).startsWith("Identifiant,Nom,Courriel,Catégorie,Statut");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").doesNotContain(",=HYPERLINK");
        assertThat(csv.body().lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",resigned,"));
    }

    @Test
    void roleGrantsAreAuditedAndTheLastAdministratorStays() {
        TestPeople.Person admin = TestPeople.withRoles("admin", "admin");
        TestPeople.Person someone = TestPeople.withRoles("someone", "member");
        HttpResponse<String> granted = TestServer.send(client, "PUT", "/api/accounts/" + someone.id() + "/roles/treasurer",
                admin.bearer());
        assertThat(granted.statusCode()).isEqualTo(204);
        HttpResponse<String> unknown = TestServer.send(client, "PUT", "/api/accounts/" + someone.id() + "/roles/king",
                admin.bearer());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestServer.send(client, "DELETE", "/api/accounts/" + someone.id() + "/roles/treasurer",
                admin.bearer()).statusCode()).isEqualTo(204);

        JsonObject[] lines = TestServer.jsonArray(TestServer.get(client, "/api/audit", "Authorization",
                admin.bearer())).stream().map(JsonObject.class::cast)
                .filter(line -> someone.id().equals(line.getString("subject", null)))
                .filter(line -> line.getString("detail").equals("treasurer"))
                .toArray(JsonObject[]::new);
        assertThat(lines).extracting(line -> line.getString("action") + " by " + line.getString("actor"))
                .containsExactlyInAnyOrder("role.granted by " + admin.id(), "role.revoked by " + admin.id());

        // An administrator may give the role up while another remains; then the door is closed to them.
        HttpResponse<String> self = TestServer.send(client, "DELETE", "/api/accounts/" + admin.id() + "/roles/admin",
                admin.bearer());
        assertThat(self.statusCode()).isEqualTo(204);
        assertThat(TestServer.get(client, "/api/accounts", "Authorization", admin.bearer()).statusCode())
                .isEqualTo(403);
        assertThat(TestServer.send(client, "PUT", "/api/accounts/" + java.util.UUID.randomUUID() + "/roles/board",
                "Bearer " + TestServer.adminToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void theDatabaseRefusesToRewriteHistory() {
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        TestPeople.Person member = TestPeople.withRoles("history", "member");
        post(treasurer, "/api/members/" + member.id() + "/dues-payments", payment("5.00", TODAY, 1), 201);
        assertThatThrownBy(() -> TestDatabase.update("UPDATE governance.standing_change SET standing = 'active'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.update("DELETE FROM governance.audit_event"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.update("UPDATE governance.dues_payment SET amount = 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.update("TRUNCATE governance.standing_change CASCADE"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
}
