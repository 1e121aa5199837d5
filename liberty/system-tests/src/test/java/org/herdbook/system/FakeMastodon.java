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
