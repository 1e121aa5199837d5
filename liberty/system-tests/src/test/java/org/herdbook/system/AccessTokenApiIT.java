package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herdbook.system.FirstRunIT.credentials;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/tokens} (issueAccessToken) and the bearer tokens it hands out. */
class AccessTokenApiIT {

    private final HttpClient client = TestServer.newSession();

    @Test
    void rightCredentialsGiveABearerTokenThatIdentifiesTheAccount() {
        HttpResponse<String> issued = TestServer.postJson(client, "/api/tokens",
                credentials(TestServer.ADMIN_EMAIL.toUpperCase(), TestServer.ADMIN_PASSWORD));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).contains("no-store");
        JsonObject token = TestServer.json(issued);
        assertThat(token.getString("tokenType")).isEqualTo("Bearer");
        assertThat(token.getJsonNumber("expiresIn").longValue()).isPositive();

        HttpResponse<String> me = TestServer.get(client, "/api/me", "Authorization", "Bearer " + token.getString("accessToken"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(me).getString("email")).isEqualTo(TestServer.ADMIN_EMAIL);
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSame401Problem() {
        HttpResponse<String> wrongPassword = TestServer.postJson(client, "/api/tokens",
                credentials(TestServer.ADMIN_EMAIL, "not the password at all"));
        HttpResponse<String> unknown = TestServer.postJson(client, "/api/tokens",
                credentials("nobody-" + UUID.randomUUID() + "@herdbook.test", "whatever password"));
        for (HttpResponse<String> response : java.util.List.of(wrongPassword, unknown)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            JsonObject problem = TestServer.json(response);
            assertThat(problem.getString("type")).isEqualTo("urn:herdbook:problem:invalid-credentials");
            assertThat(problem.getInt("status")).isEqualTo(401);
            assertThat(problem.getString("detail")).isEqualTo("Wrong e-mail address or password.");
            assertThat(response.body()).doesNotContain("accessToken");
        }
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        HttpResponse<String> response = TestServer.postJson(client, "/api/tokens",
                credentials("personne-" + UUID.randomUUID() + "@herdbook.test", "mauvais mot de passe"),
                "Accept-Language", "fr-CA");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestServer.json(response).getString("detail")).isEqualTo("Adresse courriel ou mot de passe incorrect.");
    }

    @Test
    void malformedJsonIsA400ProblemAndIssuesNothing() {
        for (String body : new String[] {"{\"email\": \"a@b.c\", \"password\": ", "not json", "[1, 2]", "{\"email\": 5,"}) {
            HttpResponse<String> response = TestServer.postJson(client, "/api/tokens", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(response.body()).as(body).doesNotContain("accessToken").doesNotContain("Exception");
        }
    }

    @Test
    void missingFieldsAndAnEmptyBodyAre400WithTheReason() {
        HttpResponse<String> noPassword = TestServer.postJson(client, "/api/tokens", "{\"email\": \"a@herdbook.test\"}");
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(noPassword).getString("detail")).contains("The password is required.");
        HttpResponse<String> empty = TestServer.postJson(client, "/api/tokens", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledWithRetryAfter() {
        String email = "target-" + UUID.randomUUID() + "@herdbook.test";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(TestServer.postJson(client, "/api/tokens", credentials(email, "guess number " + attempt))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = TestServer.postJson(client, "/api/tokens", credentials(email, "guess number 6"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).get().satisfies(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(TestServer.json(throttled).getString("detail")).contains("Too many failed sign-in attempts");
    }

    @Test
    void protectedOperationsWantAValidBearerToken() {
        HttpResponse<String> none = TestServer.get(client, "/api/me");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(TestServer.json(none).getString("type")).isEqualTo("urn:herdbook:problem:authentication-required");
        HttpResponse<String> forged = TestServer.get(client, "/api/me", "Authorization", "Bearer hbt_forged-token-value");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(TestServer.json(forged).getString("type")).isEqualTo("urn:herdbook:problem:invalid-token");
    }

    @Test
    void unknownApiAddressesAre404Problems() {
        HttpResponse<String> response = TestServer.get(client, "/api/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestServer.json(response).getString("type")).isEqualTo("urn:herdbook:problem:not-found");
    }
}
