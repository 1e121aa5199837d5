package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herdbook.system.TestServer.ADMIN_EMAIL;
import static org.herdbook.system.TestServer.ADMIN_PASSWORD;
import static org.herdbook.system.TestServer.FOUNDATION_NAME;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Act one: a Herdbook with an empty database, set up through the one-time link in its log.
 * Runs alone, before every other system test (see the pom): it is the story of one first run.
 */
class FirstRunIT {

    @Test
    void theSetupLinkFromTheLogCreatesTheFoundationAndItsAdministratorOnce() {
        HttpClient browser = TestServer.newSession();

        // Before setup, the home page says so, and signing in is impossible.
        assertThat(TestServer.get(browser, "/").body()).contains("has not been set up yet");
        assertThat(TestServer.postJson(browser, "/api/tokens", credentials(ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode())
                .isEqualTo(401);

        String link = TestServer.setupLinkInLog().orElseThrow(() -> new AssertionError("no setup link in the log"));
        String setupPath = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        // A wrong token: 403, explained in the visitor's language, and no form.
        HttpResponse<String> forged = TestServer.get(browser, "/setup.xhtml?token=not-the-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This setup link is not valid").doesNotContain("id=\"setup\"");
        HttpResponse<String> forgedInFrench = TestServer.get(TestServer.newSession(), "/setup.xhtml?token=x",
                "Accept-Language", "fr-CA,fr;q=0.9");
        assertThat(forgedInFrench.statusCode()).isEqualTo(403);
        assertThat(forgedInFrench.body()).contains("Ce lien de configuration n’est pas valide");
        assertThat(TestServer.get(browser, "/setup.xhtml").statusCode()).as("no token at all").isEqualTo(403);

        // The real link shows the form.
        HttpResponse<String> form = TestServer.get(browser, setupPath);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"setup\"");

        // Bad input: 400 with every reason, and nothing is created.
        Map<String, String> bad = setupFields("not-an-email", "short", "different", " ", "CAD", "America/Winnipeg");
        HttpResponse<String> refused = TestServer.submitForm(browser, setupPath, form.body(), "setup", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This is not a valid e-mail address", "at least 12 characters",
                "Give the foundation a name");
        // Values that are not among the choices (a hand-made request) are refused by the form itself.
        Map<String, String> forgedChoices = setupFields(ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD, FOUNDATION_NAME,
                "XXQ", "Mars/Olympus_Mons");
        HttpResponse<String> notAChoice = TestServer.submitForm(browser, setupPath, refused.body(), "setup", forgedChoices);
        assertThat(notAChoice.statusCode()).isEqualTo(400);
        assertThat(notAChoice.body()).contains("Default currency", "Time zone");
        assertThat(TestServer.get(TestServer.newSession(), "/").body()).contains("has not been set up yet");
        assertThat(TestServer.postJson(browser, "/api/tokens", credentials(ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode())
                .as("no administrator was created by the refused submissions").isEqualTo(401);

        // Good input: the foundation and its administrator exist, and the administrator can sign in.
        Map<String, String> good = setupFields(ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD, FOUNDATION_NAME, "CAD",
                "America/Winnipeg");
        HttpResponse<String> done = TestServer.submitForm(browser, setupPath, notAChoice.body(), "setup", good);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().contains("/sign-in.xhtml?setup=done");
        assertThat(TestServer.get(TestServer.newSession(), "/").body()).contains(FOUNDATION_NAME);
        HttpResponse<String> me = TestServer.get(TestServer.newSession(), "/api/me", "Authorization",
                "Bearer " + TestServer.adminToken());
        assertThat(TestServer.json(me).getJsonArray("roles").getString(0)).isEqualTo("admin");

        // The same link again: 409, already set up; a second administrator is not created.
        HttpResponse<String> again = TestServer.get(TestServer.newSession(), setupPath);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Herdbook is already set up");
        HttpResponse<String> replay = TestServer.submitForm(browser, setupPath, form.body(), "setup",
                setupFields("intruder@herdbook.test", ADMIN_PASSWORD, ADMIN_PASSWORD, "Hijacked", "EUR", "UTC"));
        assertThat(replay.statusCode()).isIn(400, 409);
        assertThat(TestServer.postJson(TestServer.newSession(), "/api/tokens",
                credentials("intruder@herdbook.test", ADMIN_PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(TestServer.get(TestServer.newSession(), "/").body()).doesNotContain("Hijacked");
    }

    private static Map<String, String> setupFields(String email, String password, String again, String foundation,
            String currency, String zone) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("foundationName", foundation);
        fields.put("currency", currency);
        fields.put("timeZone", zone);
        fields.put("adminName", "Première Administratrice");
        fields.put("adminEmail", email);
        fields.put("password", password);
        fields.put("passwordAgain", again);
        return fields;
    }

    static String credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
    }
}
