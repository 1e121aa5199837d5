package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Joining through the API and the e-mailed link: verification (good, reused, forged, expired),
 * sign-in before and after, password reset, and every bad input a sign-up can bring.
 */
class MemberSignUpIT {

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    private static String newAddress(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
    }

    private static HttpResponse<String> register(String email, String name, String password, String language,
            String... headers) {
        return TestServer.postJson(TestServer.newSession(), "/api/members", Json.createObjectBuilder()
                .add("email", email).add("displayName", name).add("password", password).add("language", language)
                .build().toString(), headers);
    }

    private static long accountsWith(String email) {
        return TestDatabase.number("SELECT count(*) FROM governance.account WHERE lower(email) = lower(?)", email);
    }

    @Test
    void anApplicantVerifiesTheirAddressThenSignsInAndIsAnApplicant() {
        String email = newAddress("camille");
        HttpResponse<String> applied = register(email, "Camille Lefèbvre", TestPeople.PASSWORD, "fr");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(TestServer.json(applied).getString("standing")).isEqualTo("applicant");

        // Not before the address is proven.
        HttpResponse<String> early = TestServer.postJson(TestServer.newSession(), "/api/tokens",
                Json.createObjectBuilder().add("email", email).add("password", TestPeople.PASSWORD).build().toString());
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(early).getString("type")).endsWith("email-not-verified");

        // The e-mail is in the account's language (French), whatever the request's.
        TestMail.Letter letter = TestMail.awaitLetter(email, "confirmez");
        assertThat(letter.language()).isEqualTo("fr");
        assertThat(letter.body()).contains("Bonjour Camille Lefèbvre", TestServer.FOUNDATION_NAME);
        String link = letter.link("/verify-email.xhtml?token=");

        assertThat(link).endsWith("&lang=fr");
        HttpResponse<String> verified = TestServer.open(TestServer.newSession(), link, "Accept-Language", "en");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Votre adresse électronique est confirmée");

        // The same link again: used, and said so (in the reader's language, which the link carries).
        HttpResponse<String> again = TestServer.open(TestServer.newSession(), link, "Accept-Language", "en");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi");

        String token = TestPeople.token(email, TestPeople.PASSWORD);
        HttpResponse<String> membership = TestServer.get(TestServer.newSession(), "/api/me/membership",
                "Authorization", "Bearer " + token);
        assertThat(membership.statusCode()).as(membership.body()).isEqualTo(200);
        JsonObject file = TestServer.json(membership);
        assertThat(file.getString("standing")).isEqualTo("applicant");
        assertThat(file.getString("memberClass")).isEqualTo("general");
        assertThat(file.getJsonObject("votingToday").getBoolean("eligible")).isFalse();
    }

    @Test
    void forgedAndExpiredLinksAreRefusedWithAReason() throws Exception {
        HttpResponse<String> forged = TestServer.get(TestServer.newSession(),
                "/verify-email.xhtml?token=" + "A".repeat(43), "Accept-Language", "en");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("This link is not valid");

        String email = newAddress("expired");
        assertThat(register(email, "Late Reader", TestPeople.PASSWORD, "en").statusCode()).isEqualTo(201);
        String link = TestMail.awaitLetter(email, "confirm").link("/verify-email.xhtml?token=");
        TestDatabase.update("UPDATE governance.email_token SET created_at = now() - interval '3 days',"
                + " expires_at = now() - interval '1 day' WHERE account_id = (SELECT id FROM governance.account"
                + " WHERE email = ?)", email);
        HttpResponse<String> expired = TestServer.open(TestServer.newSession(), link, "Accept-Language", "fr");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE email = ?"
                + " AND email_verified_at IS NOT NULL", email)).isZero();

        // A new link can be asked for, and it works.
        HttpClient session = TestServer.newSession();
        HttpResponse<String> page = TestServer.get(session, "/verify-email.xhtml");
        HttpResponse<String> resent = TestServer.submitForm(session, "/verify-email.xhtml", page.body(), "resend",
                Map.of("email", email));
        assertThat(resent.statusCode()).isEqualTo(200);
        String fresh = TestMail.lettersTo(email).stream().reduce((a, b) -> b).orElseThrow()
                .link("/verify-email.xhtml?token=");
        assertThat(fresh).isNotEqualTo(link);
        assertThat(TestServer.open(TestServer.newSession(), fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void badApplicationsAreRefusedWithEveryReasonAndNothingIsStored() {
        String email = newAddress("dup");
        assertThat(register(email, "First", TestPeople.PASSWORD, "en").statusCode()).isEqualTo(201);

        HttpResponse<String> duplicate = register(email.toUpperCase(), "Second", TestPeople.PASSWORD, "en");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(accountsWith(email)).isEqualTo(1);

        String other = newAddress("bad");
        HttpResponse<String> malformed = register("not-an-address", "x".repeat(101), "short", "de",
                "Accept-Language", "fr");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(malformed).getString("detail")).contains(
                "n’est pas valide", "au plus 100 caractères", "au moins 12 caractères", "en ou fr");

        HttpResponse<String> controlCharacters = register(other, "Line\nbreak", TestPeople.PASSWORD, "en");
        assertThat(controlCharacters.statusCode()).isEqualTo(400);
        HttpResponse<String> hugeAddress = register("a".repeat(300) + "@herdbook.test", "Huge", TestPeople.PASSWORD, "en");
        assertThat(hugeAddress.statusCode()).isEqualTo(400);
        HttpResponse<String> notJson = TestServer.postJson(TestServer.newSession(), "/api/members", "{\"email\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(accountsWith(other)).isZero();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkOnce() {
        String email = newAddress("reset");
        assertThat(register(email, "Forgetful Member", TestPeople.PASSWORD, "en").statusCode()).isEqualTo(201);
        String verify = TestMail.awaitLetter(email, "confirm").link("/verify-email.xhtml?token=");
        TestServer.open(TestServer.newSession(), verify);

        HttpClient session = TestServer.newSession();
        HttpResponse<String> forgot = TestServer.get(session, "/forgot-password.xhtml");
        HttpResponse<String> asked = TestServer.submitForm(session, "/forgot-password.xhtml", forgot.body(), "forgot",
                Map.of("email", email));
        assertThat(asked.body()).contains("is on its way");
        // The same answer for an address nobody has: nothing to learn from it.
        HttpResponse<String> nobody = TestServer.submitForm(session, "/forgot-password.xhtml",
                TestServer.get(session, "/forgot-password.xhtml").body(), "forgot", Map.of("email", newAddress("nobody")));
        assertThat(nobody.body()).contains("is on its way");

        String link = TestMail.awaitLetter(email, "reset").link("/reset-password.xhtml?token=");
        String path = link.substring(TestServer.url("").length()).replace("&lang=en", "");
        HttpClient resetting = TestServer.newSession();
        HttpResponse<String> form = TestServer.open(resetting, link);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> tooShort = TestServer.submitForm(resetting, path, form.body(), "reset",
                Map.of("password", "short", "passwordAgain", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        String newPassword = "a brand new passphrase";
        HttpResponse<String> reset = TestServer.submitForm(resetting, path, tooShort.body(), "reset",
                Map.of("password", newPassword, "passwordAgain", newPassword));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(302);

        assertThat(TestPeople.token(email, newPassword)).startsWith("hbt_");
        HttpResponse<String> old = TestServer.postJson(TestServer.newSession(), "/api/tokens",
                Json.createObjectBuilder().add("email", email).add("password", TestPeople.PASSWORD).build().toString());
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(TestMail.awaitLetter(email, "password was changed").body()).contains("Forgetful Member");

        HttpResponse<String> reused = TestServer.open(TestServer.newSession(), link);
        assertThat(reused.statusCode()).isEqualTo(400);
    }
}
