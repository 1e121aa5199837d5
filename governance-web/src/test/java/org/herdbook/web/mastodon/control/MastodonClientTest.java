package org.herdbook.web.mastodon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.herdbook.web.mastodon.entity.RegisteredApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted local instance: how each kind of answer is taken. */
class MastodonClientTest {

    private HttpServer server;
    private InstanceUrl instance;
    private final Map<String, Scripted> answers = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final MastodonClient client = new MastodonClient();
    private final RegisteredApp app = new RegisteredApp("http://localhost", "client-1", "secret-1",
            "https://herdbook.example/auth/mastodon/callback", "profile");

    private record Scripted(int status, String body, String location) {
    }

    @BeforeEach
    void startInstance() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                received.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        + "|" + exchange.getRequestHeaders().getFirst("Authorization"));
                Scripted answer = answers.getOrDefault(path, new Scripted(404, "{\"error\":\"Not found\"}", null));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                if (answer.location() != null) {
                    exchange.getResponseHeaders().set("Location", answer.location());
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
        instance = InstanceUrl.parse("http://localhost:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopInstance() {
        server.stop(0);
    }

    @Test
    void registersWithTheNarrowScopeAndReadsTheClientCredentials() throws Exception {
        answers.put("/api/v1/apps", new Scripted(200, "{\"id\":\"7\",\"client_id\":\"abc\",\"client_secret\":\"xyz\"}", null));
        MastodonClient.Registration registration = client.register(instance, "Herdbook",
                "https://herdbook.example/auth/mastodon/callback", "profile", "https://herdbook.example");
        assertThat(registration).isEqualTo(new MastodonClient.Registration("abc", "xyz"));
        assertThat(registration.toString()).doesNotContain("xyz");
        assertThat(received.get("/api/v1/apps")).contains("client_name=Herdbook", "scopes=profile",
                "redirect_uris=https%3A%2F%2Fherdbook.example%2Fauth%2Fmastodon%2Fcallback", "website=");
    }

    @Test
    void sendsTheVerifierAndTakesA4xxAsARefusalAndA5xxAsAnOutage() {
        answers.put("/oauth/token", new Scripted(400, "{\"error\":\"invalid_grant\"}", null));
        assertThatThrownBy(() -> client.exchangeCode(instance, app, "the-code", "the-verifier"))
                .isInstanceOf(MastodonClient.GrantRefused.class).hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("secret-1").hasMessageNotContaining("the-verifier");
        assertThat(received.get("/oauth/token")).contains("grant_type=authorization_code", "code=the-code",
                "client_id=client-1", "client_secret=secret-1", "code_verifier=the-verifier",
                "redirect_uri=https%3A%2F%2Fherdbook.example%2Fauth%2Fmastodon%2Fcallback");

        answers.put("/oauth/token", new Scripted(503, "<html>down</html>", null));
        assertThatThrownBy(() -> client.exchangeCode(instance, app, "the-code", "the-verifier"))
                .isInstanceOf(MastodonClient.InstanceUnreachable.class);
    }

    @Test
    void neverFollowsARedirectWithCredentials() {
        answers.put("/oauth/token", new Scripted(302, "", "https://elsewhere.example/steal"));
        assertThatThrownBy(() -> client.exchangeCode(instance, app, "c", "v"))
                .isInstanceOf(MastodonClient.InstanceUnreachable.class);
    }

    @Test
    void readsWhoSignedInWithTheBearerToken() throws Exception {
        answers.put("/api/v1/accounts/verify_credentials", new Scripted(200, "{\"id\":\"42\",\"acct\":\"eole\"}", null));
        assertThat(client.verifyCredentials(instance, "tok")).isEqualTo(new MastodonAccount("42", "eole"));
        assertThat(received.get("/api/v1/accounts/verify_credentials")).endsWith("|Bearer tok");
    }

    @Test
    void refusesAnswersThatAreNotTheApisOwn() {
        answers.put("/api/v1/accounts/verify_credentials", new Scripted(200, "not json", null));
        assertThatThrownBy(() -> client.verifyCredentials(instance, "tok")).isInstanceOf(MastodonClient.InstanceUnreachable.class);
        answers.put("/api/v1/accounts/verify_credentials", new Scripted(200, "{\"id\":\"42\"}", null));
        assertThatThrownBy(() -> client.verifyCredentials(instance, "tok")).isInstanceOf(MastodonClient.InstanceUnreachable.class);
        answers.put("/api/v1/accounts/verify_credentials",
                new Scripted(200, "{\"id\":\"42\",\"acct\":\"" + "x".repeat(MastodonClient.MAX_ANSWER_BYTES) + "\"}", null));
        assertThatThrownBy(() -> client.verifyCredentials(instance, "tok")).isInstanceOf(MastodonClient.InstanceUnreachable.class)
                .hasMessageContaining("too large");
        answers.put("/api/v1/accounts/verify_credentials", new Scripted(401, "{\"error\":\"invalid token\"}", null));
        assertThatThrownBy(() -> client.verifyCredentials(instance, "tok")).isInstanceOf(MastodonClient.InstanceUnreachable.class);
    }

    @Test
    void anInstanceThatDoesNotAnswerIsUnreachable() {
        server.stop(0);
        assertThatThrownBy(() -> client.verifyCredentials(instance, "tok")).isInstanceOf(MastodonClient.InstanceUnreachable.class)
                .hasMessageNotContaining("tok");
    }

    @Test
    void revokingIsBestEffort() {
        answers.put("/oauth/revoke", new Scripted(403, "{\"error\":\"unauthorized_client\"}", null));
        client.revoke(instance, app, "tok");
        assertThat(received.get("/oauth/revoke")).contains("token=tok", "client_id=client-1");
        server.stop(0);
        client.revoke(instance, app, "tok");
    }
}
