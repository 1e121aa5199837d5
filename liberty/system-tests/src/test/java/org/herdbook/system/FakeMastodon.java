package org.herdbook.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon instance as far as signing in goes, in the test JVM on a fixed port (the test server
 * is configured with {@code HERDBOOK_MASTODON_URL=http://localhost:<port>}). It checks what a real
 * Mastodon 4.3+ checks: registered client and redirect URI, single-use codes, and PKCE
 * (BASE64URL(SHA-256(code_verifier)) must equal the code_challenge seen at authorization).
 *
 * <p>The "person at the instance" is the test: {@code GET /oauth/authorize} approves at once as the
 * account named in the {@value #ACT_AS} header, or denies when {@value #DENY} is set.
 */
final class FakeMastodon {

    static final String ACT_AS = "X-Fake-Mastodon-Account";
    static final String DENY = "X-Fake-Mastodon-Deny";
    /** The admin token the test server is given (HERDBOOK_MASTODON_ADMIN_TOKEN); the fake's own, no secret. */
    static final String ADMIN_TOKEN = "herdbook-it-fake-mastodon-admin";
    private static FakeMastodon running;

    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nextAccountId = new AtomicLong(109_000_000_000L + System.nanoTime() % 1_000_000);
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Account> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger pkceRefusals = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger revocations = new AtomicInteger();
    private final AtomicInteger adminRefusals = new AtomicInteger();
    private final Map<String, Measures> measures = new ConcurrentHashMap<>();
    private volatile long userCount;

    /** What the admin API answers for the month starting on a day: users, active, new, reports opened and resolved. */
    record Measures(long users, long activeUsers, long newUsers, long reportsOpened, long reportsResolved) {
    }

    record App(String clientId, String clientSecret, String redirectUri, Set<String> scopes) {
    }

    record Account(String id, String acct) {
    }

    private record Grant(String clientId, String redirectUri, String challenge, Account account) {
    }

    private FakeMastodon(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-mastodon");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/v1/apps", exchange -> answer(exchange, this::registerApp));
        server.createContext("/oauth/authorize", exchange -> answer(exchange, this::authorize));
        server.createContext("/oauth/token", exchange -> answer(exchange, this::token));
        server.createContext("/oauth/revoke", exchange -> answer(exchange, this::revoke));
        server.createContext("/api/v1/accounts/verify_credentials", exchange -> answer(exchange, this::verifyCredentials));
        server.createContext("/api/v1/admin/measures", exchange -> answer(exchange, this::measures));
        server.createContext("/api/v1/instance", exchange -> answer(exchange, this::instanceV1));
        server.createContext("/api/v2/instance", exchange -> answer(exchange, this::instanceV2));
        server.start();
    }

    /** The one fake of this test JVM, started on first use. */
    static synchronized FakeMastodon running() {
        if (running == null) {
            try {
                running = new FakeMastodon(Integer.getInteger("herdbook.mastodon.port", 9185));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake Mastodon", e);
            }
        }
        return running;
    }

    /** A new person on this instance; acct {@code <name>-<n>} so tests never share one. */
    Account newAccount(String name) {
        String id = Long.toString(nextAccountId.incrementAndGet());
        Account account = new Account(id, name + "-" + id.substring(id.length() - 6));
        accounts.put(id, account);
        return account;
    }

    int registrations() {
        return registrations.get();
    }

    int pkceRefusals() {
        return pkceRefusals.get();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    int revocations() {
        return revocations.get();
    }

    /** The admin API's figures for the month that starts on {@code firstDay} (YYYY-MM-DD). */
    void measuresFor(String firstDay, Measures figures) {
        measures.put(firstDay, figures);
        userCount = figures.users();
    }

    int adminRefusals() {
        return adminRefusals.get();
    }

    int liveTokens() {
        return tokens.size();
    }

    // ---- endpoints ----

    private Reply registerApp(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Reply.json(405, error("method_not_allowed"));
        }
        Map<String, String> form = form(exchange);
        String redirectUri = form.get("redirect_uris");
        if (form.get("client_name") == null || redirectUri == null || form.get("scopes") == null) {
            return Reply.json(422, Json.createObjectBuilder().add("error", "Validation failed").build());
        }
        App app = new App(randomToken(), randomToken(), redirectUri, Set.of(form.get("scopes").split(" ")));
        apps.put(app.clientId(), app);
        registrations.incrementAndGet();
        return Reply.json(200, Json.createObjectBuilder().add("id", "1").add("name", form.get("client_name"))
                .add("website", form.getOrDefault("website", "")).add("redirect_uri", redirectUri)
                .add("client_id", app.clientId()).add("client_secret", app.clientSecret())
                .add("client_secret_expires_at", 0).build());
    }

    private Reply authorize(HttpExchange exchange) {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        App app = apps.get(query.getOrDefault("client_id", ""));
        if (app == null || !app.redirectUri().equals(query.get("redirect_uri"))) {
            // Mastodon shows an error page and never redirects to an unregistered URI.
            return Reply.json(400, error("invalid_client"));
        }
        String redirect = app.redirectUri() + "?";
        String state = query.get("state") == null ? "" : "&state=" + encode(query.get("state"));
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.getOrDefault("code_challenge", "").length() != 43
                || !app.scopes().containsAll(Set.of(query.getOrDefault("scope", "read").split(" ")))) {
            return Reply.redirect(redirect + "error=invalid_request" + state);
        }
        if (exchange.getRequestHeaders().getFirst(DENY) != null) {
            return Reply.redirect(redirect + "error=access_denied&error_description=" + encode("The resource owner denied")
                    + state);
        }
        Account account = accounts.get(String.valueOf(exchange.getRequestHeaders().getFirst(ACT_AS)));
        if (account == null) {
            return Reply.json(401, error("nobody is signed in at the fake instance"));
        }
        String code = randomToken();
        codes.put(code, new Grant(app.clientId(), app.redirectUri(), query.get("code_challenge"), account));
        return Reply.redirect(redirect + "code=" + encode(code) + state);
    }

    private Reply token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        App app = apps.get(form.getOrDefault("client_id", ""));
        if (app == null || !app.clientSecret().equals(form.get("client_secret"))) {
            return Reply.json(401, error("invalid_client"));
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return Reply.json(400, error("unsupported_grant_type"));
        }
        // Single use: the code is gone whatever happens next.
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !grant.clientId().equals(app.clientId()) || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            return Reply.json(400, error("invalid_grant"));
        }
        String verifier = form.getOrDefault("code_verifier", "");
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}") || !s256(verifier).equals(grant.challenge())) {
            pkceRefusals.incrementAndGet();
            return Reply.json(400, error("invalid_grant"));
        }
        String token = randomToken();
        tokens.put(token, grant.account());
        tokensIssued.incrementAndGet();
        return Reply.json(200, Json.createObjectBuilder().add("access_token", token).add("token_type", "Bearer")
                .add("scope", "profile").add("created_at", System.currentTimeMillis() / 1000).build());
    }

    private Reply revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        App app = apps.get(form.getOrDefault("client_id", ""));
        if (app == null || !app.clientSecret().equals(form.get("client_secret"))) {
            return Reply.json(403, error("unauthorized_client"));
        }
        if (tokens.remove(form.getOrDefault("token", "")) != null) {
            revocations.incrementAndGet();
        }
        return Reply.json(200, Json.createObjectBuilder().build());
    }

    private Reply verifyCredentials(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Account account = authorization != null && authorization.startsWith("Bearer ")
                ? tokens.get(authorization.substring(7)) : null;
        if (account == null) {
            return Reply.json(401, error("The access token is invalid"));
        }
        return Reply.json(200, Json.createObjectBuilder().add("id", account.id()).add("username", account.acct())
                .add("acct", account.acct()).add("display_name", "<b>" + account.acct() + "</b>")
                .add("note", "<p>bio</p>").add("locked", false).build());
    }

    private boolean admin(HttpExchange exchange) {
        boolean allowed = ("Bearer " + ADMIN_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!allowed) {
            adminRefusals.incrementAndGet();
        }
        return allowed;
    }

    /** Mastodon 4.x: {@code POST /api/v1/admin/measures} with keys, start_at and end_at; totals are strings. */
    private Reply measures(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Reply.json(405, error("method_not_allowed"));
        }
        if (!admin(exchange)) {
            return Reply.json(403, error("This action is not allowed"));
        }
        JsonObject request;
        try (var reader = Json.createReader(exchange.getRequestBody())) {
            request = reader.readObject();
        }
        Measures month = measures.get(request.getString("start_at", ""));
        var answer = Json.createArrayBuilder();
        for (var key : request.getJsonArray("keys").getValuesAs(jakarta.json.JsonString.class)) {
            long total = month == null ? 0 : switch (key.getString()) {
                case "active_users" -> month.activeUsers();
                case "new_users" -> month.newUsers();
                case "opened_reports" -> month.reportsOpened();
                case "resolved_reports" -> month.reportsResolved();
                default -> 0;
            };
            answer.add(Json.createObjectBuilder().add("key", key.getString()).addNull("unit")
                    .add("total", Long.toString(total)).add("previous_total", "0")
                    .add("data", Json.createArrayBuilder()));
        }
        return new Reply(200, "application/json; charset=utf-8",
                answer.build().toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private Reply instanceV1(HttpExchange exchange) {
        return Reply.json(200, Json.createObjectBuilder().add("uri", "localhost").add("title", "Fake Mastodon")
                .add("stats", Json.createObjectBuilder().add("user_count", userCount).add("status_count", 0)
                        .add("domain_count", 1)).build());
    }

    private Reply instanceV2(HttpExchange exchange) {
        return Reply.json(200, Json.createObjectBuilder().add("domain", "localhost").add("title", "Fake Mastodon")
                .add("usage", Json.createObjectBuilder().add("users", Json.createObjectBuilder()
                        .add("active_month", measures.values().stream().mapToLong(Measures::activeUsers).max().orElse(0))))
                .build());
    }

    // ---- plumbing ----

    private interface Handler {
        Reply handle(HttpExchange exchange) throws IOException;
    }

    private record Reply(int status, String contentType, byte[] body, String location) {
        static Reply json(int status, JsonObject body) {
            return new Reply(status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8), null);
        }

        static Reply redirect(String location) {
            return new Reply(302, null, new byte[0], location);
        }
    }

    private static void answer(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = handler.handle(exchange);
            } catch (RuntimeException e) {
                reply = Reply.json(500, error(e.toString()));
            }
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            if (reply.location() != null) {
                exchange.getResponseHeaders().set("Location", reply.location());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    private static JsonObject error(String error) {
        return Json.createObjectBuilder().add("error", error).build();
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        Arrays.stream(encoded.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        });
        return values;
    }

    static Map<String, String> query(URI uri) {
        return parse(uri.getRawQuery());
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
