package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The integration-test server as its tests see it: addresses, HTTP helpers, its log. */
public final class TestServer {

    /** The administrator FirstRunIT creates through the setup page; later acts sign in as them. */
    public static final String ADMIN_EMAIL = "first.admin@herdbook.test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String FOUNDATION_NAME = "Fondation Éole — Mastodon des Prairies";
    /** The time zone FirstRunIT gives the foundation: days (standing, record dates) are counted in it. */
    public static final String FOUNDATION_ZONE = "America/Winnipeg";

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SETUP_LINK = Pattern.compile("(http://[^\\s\"]+/setup\\.xhtml\\?token=([A-Za-z0-9_-]+))");

    private TestServer() {
    }

    public static String url(String path) {
        return System.getProperty("herdbook.url", "http://localhost:9180") + path;
    }

    public static Path serverDirectory() {
        return Path.of(System.getProperty("herdbook.server.dir"));
    }

    public static Path wlp() {
        return Path.of(System.getProperty("herdbook.wlp"));
    }

    /** A client that keeps cookies (one browser session) and does not follow redirects. */
    public static HttpClient newSession() {
        // HTTP/1.1: the JDK client's default h2c upgrade on plain HTTP stalls against Liberty.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static HttpResponse<String> get(HttpClient client, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(client, request.build());
    }

    public static HttpResponse<String> postJson(HttpClient client, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(client, request.build());
    }

    /**
     * Submits the Faces form {@code formId} found in {@code page}, the way a browser without
     * JavaScript would: its view state, the given fields (by their short ids) and the button.
     */
    public static HttpResponse<String> submitForm(HttpClient client, String path, String page, String formId,
            Map<String, String> fields, String... headers) {
        Matcher viewState = VIEW_STATE.matcher(page);
        assertThat(viewState.find()).as("the page has a Faces form with a view state").isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId + "_SUBMIT", "1");
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.put(formId + ":submit", "submit");
        form.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(client, request.build());
    }

    /** Opens a link the way a browser does: following redirects on this server (the language switch's). */
    public static HttpResponse<String> open(HttpClient client, String link, String... headers) {
        String path = link.startsWith("http") ? link.substring(url("").length()) : link;
        HttpResponse<String> response = get(client, path, headers);
        for (int hops = 0; hops < 3 && response.statusCode() == 302; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith("http")) {
                if (!location.startsWith(url(""))) {
                    return response;
                }
                location = location.substring(url("").length());
            }
            response = get(client, location, headers);
        }
        return response;
    }

    public static HttpResponse<String> putJson(HttpClient client, String path, String json, String bearer) {
        return send(client, HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A request without a body ({@code PUT}, {@code DELETE}...) with a bearer token. */
    public static HttpResponse<String> send(HttpClient client, String method, String path, String bearer) {
        return send(client, HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** A bearer token for the administrator created at first run. */
    public static String adminToken() {
        HttpResponse<String> response = postJson(newSession(), "/api/tokens",
                Json.createObjectBuilder().add("email", ADMIN_EMAIL).add("password", ADMIN_PASSWORD).build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("accessToken");
    }

    /**
     * With {@code -Pbench} the first-run tests are skipped: sets the foundation up through the log's
     * setup link (as FirstRunIT does, same administrator) unless the administrator can already sign in.
     */
    public static void setUpFoundationIfNew() {
        int status = postJson(newSession(), "/api/tokens", jakarta.json.Json.createObjectBuilder()
                .add("email", ADMIN_EMAIL).add("password", ADMIN_PASSWORD).build().toString()).statusCode();
        if (status == 200) {
            return;
        }
        URI link = URI.create(setupLinkInLog().orElseThrow(() -> new AssertionError("no setup link in the log")));
        String path = link.getRawPath() + "?" + link.getRawQuery();
        HttpClient browser = newSession();
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("foundationName", FOUNDATION_NAME);
        fields.put("currency", "CAD");
        fields.put("timeZone", FOUNDATION_ZONE);
        fields.put("adminName", "Benchmark Administrator");
        fields.put("adminEmail", ADMIN_EMAIL);
        fields.put("password", ADMIN_PASSWORD);
        fields.put("passwordAgain", ADMIN_PASSWORD);
        HttpResponse<String> done = submitForm(browser, path, get(browser, path).body(), "setup", fields);
        if (done.statusCode() != 302) {
            throw new AssertionError("setting the foundation up answered " + done.statusCode() + ": " + done.body());
        }
    }

    /** The newest setup link in the server's log, waiting up to a minute for one to appear. */
    public static Optional<String> setupLinkInLog() {
        Instant deadline = Instant.now().plusSeconds(60);
        do {
            Optional<String> link = lastMatch(SETUP_LINK, 1);
            if (link.isPresent()) {
                return link;
            }
            pause(Duration.ofSeconds(1));
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    /** Everything the server logged so far (console log, where the setup link is printed for people). */
    public static String log() {
        try {
            Path console = serverDirectory().resolve("logs").resolve("console.log");
            Path messages = serverDirectory().resolve("logs").resolve("messages.log");
            return (Files.exists(console) ? Files.readString(console) : "")
                    + (Files.exists(messages) ? Files.readString(messages) : "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> lastMatch(Pattern pattern, int group) {
        Matcher matcher = pattern.matcher(log());
        String last = null;
        while (matcher.find()) {
            last = matcher.group(group);
        }
        return Optional.ofNullable(last);
    }

    /** Waits until {@code /health/ready} answers UP. */
    public static void awaitReady(Duration timeout) {
        HttpClient client = newSession();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(url("/health/ready")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError("the server was not ready within " + timeout);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends a request built by the caller (another body type or header set). */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
