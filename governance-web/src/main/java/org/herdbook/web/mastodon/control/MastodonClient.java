package org.herdbook.web.mastodon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.herdbook.web.mastodon.entity.RegisteredApp;

/**
 * Herdbook's calls to the Mastodon instance: app registration, code exchange, the signed-in
 * account, token revocation. HTTP/1.1, short timeouts, no redirects followed, small answers only.
 * Tokens and secrets never appear in logs or exception messages.
 */
@ApplicationScoped
public class MastodonClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** verify_credentials with a long bio and many fields is a few kilobytes; anything far larger is refused. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(MastodonClient.class.getName());

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The instance could not be reached, or answered something that is not the API's answer. */
    public static class InstanceUnreachable extends Exception {
        private static final long serialVersionUID = 1L;

        public InstanceUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The token endpoint refused the code: wrong verifier (PKCE), used or expired code, wrong client. */
    public static class GrantRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public GrantRefused(String message) {
            super(message);
        }
    }

    /** What {@code POST /api/v1/apps} gave back. */
    public record Registration(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Registration[" + clientId + "]";
        }
    }

    public Registration register(InstanceUrl instance, String clientName, String redirectUri, String scopes,
            String website) throws InstanceUnreachable {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_name", clientName);
        form.put("redirect_uris", redirectUri);
        form.put("scopes", scopes);
        form.put("website", website);
        Answer answer = send(post(instance.endpoint("/api/v1/apps"), form), "app registration");
        if (answer.status() != 200) {
            throw new InstanceUnreachable("app registration at " + instance + " answered " + answer.status(), null);
        }
        JsonObject json = answer.json("app registration");
        String clientId = json.getString("client_id", "");
        String clientSecret = json.getString("client_secret", "");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new InstanceUnreachable("app registration at " + instance + " gave no client credentials", null);
        }
        return new Registration(clientId, clientSecret);
    }

    /** The access token for {@code code}; the instance checks SHA-256(verifier) against the challenge it saw. */
    public String exchangeCode(InstanceUrl instance, RegisteredApp app, String code, String codeVerifier)
            throws GrantRefused, InstanceUnreachable {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", app.getClientId());
        form.put("client_secret", app.getClientSecret());
        form.put("redirect_uri", app.getRedirectUri());
        form.put("code_verifier", codeVerifier);
        Answer answer = send(post(instance.endpoint("/oauth/token"), form), "code exchange");
        if (answer.status() >= 400 && answer.status() < 500) {
            throw new GrantRefused("the token endpoint of " + instance + " refused the code (" + answer.status() + " "
                    + answer.oauthError() + ")");
        }
        if (answer.status() != 200) {
            throw new InstanceUnreachable("the token endpoint of " + instance + " answered " + answer.status(), null);
        }
        String token = answer.json("code exchange").getString("access_token", "");
        if (token.isBlank()) {
            throw new InstanceUnreachable("the token endpoint of " + instance + " gave no access token", null);
        }
        return token;
    }

    public MastodonAccount verifyCredentials(InstanceUrl instance, String accessToken) throws InstanceUnreachable {
        HttpRequest request = HttpRequest.newBuilder(instance.endpoint("/api/v1/accounts/verify_credentials"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").header("User-Agent", "Herdbook").GET().build();
        Answer answer = send(request, "verify_credentials");
        if (answer.status() != 200) {
            throw new InstanceUnreachable("verify_credentials at " + instance + " answered " + answer.status(), null);
        }
        try {
            return MastodonAccount.fromJson(answer.json("verify_credentials"));
        } catch (IllegalArgumentException e) {
            throw new InstanceUnreachable("verify_credentials at " + instance + ": " + e.getMessage(), e);
        }
    }

    /** Best effort: Herdbook needed the token for one call only. A failure is logged, never shown. */
    public void revoke(InstanceUrl instance, RegisteredApp app, String accessToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.getClientId());
        form.put("client_secret", app.getClientSecret());
        form.put("token", accessToken);
        try {
            Answer answer = send(post(instance.endpoint("/oauth/revoke"), form), "token revocation");
            if (answer.status() != 200) {
                LOG.warning(() -> "Revoking a Mastodon access token at " + instance + " answered " + answer.status());
            }
        } catch (InstanceUnreachable e) {
            LOG.warning(() -> "Could not revoke a Mastodon access token: " + e.getMessage());
        }
    }

    private static HttpRequest post(URI endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").header("User-Agent", "Herdbook")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Answer send(HttpRequest request, String what) throws InstanceUnreachable {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                    throw new InstanceUnreachable(what + " at " + request.uri().getHost() + ": answer too large", null);
                }
                return new Answer(response.statusCode(), bytes);
            }
        } catch (IOException e) {
            throw new InstanceUnreachable(what + " at " + request.uri().getHost() + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceUnreachable(what + " interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Answer(int status, byte[] body) {

        JsonObject json(String what) throws InstanceUnreachable {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new InstanceUnreachable(what + ": the answer is not a JSON object", e);
            }
        }

        /** The OAuth {@code error} code, for the log: never the description, which may echo input. */
        String oauthError() {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                String error = reader.readObject().getString("error", "");
                return error.matches("[a-z_]{1,40}") ? error : "";
            } catch (RuntimeException e) {
                return "";
            }
        }
    }
}
