package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A member downloads their data, then closes their account: personal data goes, the books stay whole. */
class PrivacyIT {

    private final HttpClient client = TestServer.newSession();

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndNothingAboutOthers() {
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        TestPeople.Person member = TestPeople.withRoles("exporter", "member");
        TestPeople.Person other = TestPeople.withRoles("bystander", "member");
        TestServer.postJson(client, "/api/members/" + member.id() + "/dues-payments", Json.createObjectBuilder()
                .add("amount", "5.00").add("currency", "CAD").add("paidOn", LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE))
                        .toString()).build().toString(), "Authorization", treasurer.bearer());

        HttpResponse<String> export = TestServer.get(client, "/api/me/data", "Authorization", member.bearer());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonObject data = TestServer.json(export);
        assertThat(data.getString("format")).isEqualTo("herdbook-personal-data/1");
        assertThat(data.getJsonObject("account").getString("email")).isEqualTo(member.email());
        assertThat(data.getJsonObject("membership").getString("standing")).isEqualTo("active");
        assertThat(data.getJsonObject("membership").getJsonArray("duesPayments")).hasSize(1);
        assertThat(data.getJsonArray("apiTokens")).isNotEmpty();
        assertThat(data.getJsonArray("signInAttempts")).isNotEmpty();
        assertThat(export.body()).doesNotContain(other.email(), other.id(), treasurer.email())
                .doesNotContain("passwordHash", "PBKDF2", "hbt_");
        assertThat(TestServer.get(TestServer.newSession(), "/api/me/data").statusCode()).isEqualTo(401);
    }

    @Test
    void closingErasesPersonalDataAndKeepsDuesAndTheAuditLogAttachedToThePseudonym() {
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer", "treasurer");
        TestPeople.Person member = TestPeople.withRoles("leaver", "member");
        HttpResponse<String> paid = TestServer.postJson(client, "/api/members/" + member.id() + "/dues-payments",
                Json.createObjectBuilder().add("amount", "12.00").add("currency", "CAD").add("months", 2)
                        .add("paidOn", LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE)).toString()).build().toString(),
                "Authorization", treasurer.bearer());
        assertThat(paid.statusCode()).isEqualTo(201);

        HttpResponse<String> unconfirmed = TestServer.postJson(client, "/api/me/data/closure",
                "{\"confirmEmail\":\"someone-else@herdbook.test\"}", "Authorization", member.bearer());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE email = ? AND closed_at IS NULL",
                member.email())).isEqualTo(1);

        HttpResponse<String> closed = TestServer.postJson(client, "/api/me/data/closure",
                "{\"confirmEmail\":\"" + member.email().toUpperCase() + "\"}", "Authorization", member.bearer());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);

        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE lower(email) = lower(?)",
                member.email())).isZero();
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE id = ?::uuid AND closed_at IS NOT"
                + " NULL AND password_hash IS NULL AND display_name LIKE 'former-member-%'", member.id())).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.login_attempt WHERE account_key = ?",
                member.email().toLowerCase())).isZero();
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_payment WHERE account_id = ?::uuid"
                + " AND amount = 12.00", member.id())).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.audit_event WHERE subject_id = ?::uuid"
                + " AND action = 'account.closed'", member.id())).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.standing_change WHERE account_id = ?::uuid"
                + " AND standing = 'resigned' AND cause = 'account-closed'", member.id())).isEqualTo(1);

        // The token and the password are gone with the account; the board sees no such member.
        assertThat(TestServer.get(client, "/api/me", "Authorization", member.bearer()).statusCode()).isEqualTo(401);
        HttpResponse<String> signIn = TestServer.postJson(client, "/api/tokens", Json.createObjectBuilder()
                .add("email", member.email()).add("password", TestPeople.PASSWORD).build().toString());
        assertThat(signIn.statusCode()).isEqualTo(401);
        TestPeople.Person secretary = TestPeople.withRoles("secretary", "secretary");
        assertThat(TestServer.get(client, "/api/members/" + member.id(), "Authorization", secretary.bearer())
                .statusCode()).isEqualTo(404);
        assertThat(TestMail.awaitLetter(member.email(), "account is closed").body()).contains("leaver");
    }
}
