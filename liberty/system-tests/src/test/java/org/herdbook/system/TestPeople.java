package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** People the tests need, made through the administrator's API: each test makes its own. */
public final class TestPeople {

    public static final String PASSWORD = "members vote on the instance";

    private TestPeople() {
    }

    /** Someone with an account: id, address, a bearer token. */
    public record Person(String id, String email, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    /** A new account holding {@code roles} (an account with "member" also gets a membership application). */
    public static Person withRoles(String label, String... roles) {
        return speaking("en", label, roles);
    }

    /** The same, for someone whose pages and e-mails are in {@code language}. */
    public static Person speaking(String language, String label, String... roles) {
        String local = label.replaceAll("[^A-Za-z0-9]", "");
        String email = (local.isEmpty() ? "person" : local.substring(0, Math.min(20, local.length()))) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String role : roles) {
            list.add(role);
        }
        HttpResponse<String> created = TestServer.postJson(TestServer.newSession(), "/api/accounts",
                Json.createObjectBuilder().add("email", email).add("displayName", label).add("password", PASSWORD)
                        .add("language", language).add("roles", list).build().toString(),
                "Authorization", "Bearer " + TestServer.adminToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Person(TestServer.json(created).getString("id"), email, token(email, PASSWORD));
    }

    public static String token(String email, String password) {
        HttpResponse<String> response = TestServer.postJson(TestServer.newSession(), "/api/tokens",
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response).getString("accessToken");
    }

    /** A browser session signed in through the sign-in page. */
    public static HttpClient signedIn(String email, String password) {
        HttpClient session = TestServer.newSession();
        HttpResponse<String> page = TestServer.get(session, "/sign-in.xhtml");
        HttpResponse<String> signedIn = TestServer.submitForm(session, "/sign-in.xhtml", page.body(), "sign-in",
                Map.of("email", email, "password", password, "next", "/member/index.xhtml"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return session;
    }
}
