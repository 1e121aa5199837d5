package org.herdbook.paypal.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for PayPal's REST API, on the JDK's HTTP server, for tests only.
 *
 * <p>It implements what Herdbook calls, as PayPal documents it: {@code POST /v1/oauth2/token}
 * (client credentials, HTTP Basic) and {@code GET /v1/reporting/transactions} (Transaction
 * Search: at most 31 days per query, {@code page}/{@code page_size} paging up to 500), and,
 * through {@link #checkout()}, orders, captures, refunds, products, plans, subscriptions and
 * signed webhooks. It keeps every request it served, so tests can check how the client paged
 * and retried. Listens on loopback only.
 */
public final class PaypalEmulator implements AutoCloseable {

    public static final Duration MAX_WINDOW = Duration.ofDays(31);
    private static final DateTimeFormatter PAYPAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final List<EmulatedTransaction> transactions = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /**
     * Tokens outlive an emulator as PayPal's outlive a connection: a client that keeps its token
     * (the SDK does, until it expires) goes on working with the next emulator a test starts.
     */
    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    private Checkout checkout;

    private PaypalEmulator(HttpServer server, String clientId, String clientSecret) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Starts an emulator on {@code port} of the loopback address (0: any free port). */
    public static PaypalEmulator start(int port, String clientId, String clientSecret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        PaypalEmulator emulator = new PaypalEmulator(server, clientId, clientSecret);
        server.createContext("/v1/oauth2/token", emulator::token);
        server.createContext("/v1/reporting/transactions", emulator::searchTransactions);
        emulator.checkout = new Checkout(emulator);
        emulator.checkout.register(server);
        server.createContext("/", exchange -> emulator.respond(exchange, 404,
                "{\"name\":\"RESOURCE_NOT_FOUND\",\"message\":\"The emulator does not know this address.\"}"));
        // Several at once: a stalled answer (an injected timeout) must not hold up the others.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return emulator;
    }

    /** The address to point a client at, such as {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Orders, captures, refunds, products, plans, subscriptions, webhooks and injected faults. */
    public Checkout checkout() {
        return checkout;
    }

    public void add(EmulatedTransaction transaction) {
        transactions.add(transaction);
    }

    public void clear() {
        transactions.clear();
        requests.clear();
    }

    /** Every request served, as {@code METHOD path?query}, oldest first. */
    public List<String> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        record(exchange);
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"name\":\"METHOD_NOT_SUPPORTED\"}");
            return;
        }
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client Authentication failed\"}");
            return;
        }
        String token = "emulated-" + UUID.randomUUID();
        TOKENS.add(token);
        respond(exchange, 200, "{\"scope\":\"https://uri.paypal.com/services/reporting/search/read\","
                + "\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"app_id\":\"APP-EMULATOR\","
                + "\"expires_in\":32400,\"nonce\":\"" + UUID.randomUUID() + "\"}");
    }

    private void searchTransactions(HttpExchange exchange) throws IOException {
        record(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !TOKENS.contains(authorization.substring(7))) {
            respond(exchange, 401, "{\"error\":\"invalid_token\",\"error_description\":\"Access Token not found in cache\"}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        Instant start;
        Instant end;
        try {
            start = parse(query.get("start_date"));
            end = parse(query.get("end_date"));
        } catch (DateTimeParseException | NullPointerException e) {
            respond(exchange, 400, invalid("start_date and end_date are required, in ISO 8601 with an offset."));
            return;
        }
        if (end.isBefore(start) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            respond(exchange, 400, invalid("Date range is greater than 31 days"));
            return;
        }
        int pageSize = Integer.parseInt(query.getOrDefault("page_size", "100"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        if (pageSize < 1 || pageSize > 500 || page < 1) {
            respond(exchange, 400, invalid("page_size must be 1 to 500 and page at least 1."));
            return;
        }
        List<EmulatedTransaction> found = transactions.stream()
                .filter(t -> !t.initiatedAt().isBefore(start) && !t.initiatedAt().isAfter(end))
                .sorted(Comparator.comparing(EmulatedTransaction::initiatedAt).thenComparing(EmulatedTransaction::id))
                .toList();
        int totalPages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
        List<EmulatedTransaction> onPage = found.subList(Math.min(found.size(), (page - 1) * pageSize),
                Math.min(found.size(), page * pageSize));
        StringBuilder json = new StringBuilder("{\"transaction_details\":[");
        for (int i = 0; i < onPage.size(); i++) {
            json.append(i == 0 ? "" : ",").append(detail(onPage.get(i)));
        }
        json.append("],\"account_number\":\"EMULATED1\",\"start_date\":\"").append(format(start))
                .append("\",\"end_date\":\"").append(format(end))
                .append("\",\"last_refreshed_datetime\":\"").append(format(Instant.now()))
                .append("\",\"page\":").append(page).append(",\"total_items\":").append(found.size())
                .append(",\"total_pages\":").append(totalPages).append(",\"links\":[]}");
        respond(exchange, 200, json.toString());
    }

    private static String detail(EmulatedTransaction t) {
        BigDecimal net = new BigDecimal(t.gross()).add(new BigDecimal(t.fee()));
        StringBuilder info = new StringBuilder("{\"transaction_info\":{")
                .append("\"paypal_account_id\":\"EMULATED1\",")
                .append("\"transaction_id\":").append(quote(t.id())).append(',')
                .append("\"transaction_event_code\":").append(quote(t.eventCode())).append(',')
                .append("\"transaction_initiation_date\":").append(quote(format(t.initiatedAt()))).append(',')
                .append("\"transaction_updated_date\":").append(quote(format(t.initiatedAt()))).append(',')
                .append("\"transaction_amount\":").append(money(t.currency(), t.gross())).append(',')
                .append("\"fee_amount\":").append(money(t.currency(), t.fee())).append(',')
                .append("\"ending_balance\":").append(money(t.currency(), net.toPlainString())).append(',')
                .append("\"transaction_status\":").append(quote(t.status()));
        if (t.referenceId() != null) {
            info.append(",\"paypal_reference_id\":").append(quote(t.referenceId()))
                    .append(",\"paypal_reference_id_type\":\"TXN\"");
        }
        info.append("}");
        if (t.payerEmail() != null) {
            info.append(",\"payer_info\":{\"email_address\":").append(quote(t.payerEmail())).append('}');
        }
        return info.append('}').toString();
    }

    private static String money(String currency, String value) {
        return "{\"currency_code\":" + quote(currency) + ",\"value\":" + quote(value) + "}";
    }

    private static String invalid(String message) {
        return "{\"name\":\"INVALID_REQUEST\",\"message\":\"Request is not well-formed, syntactically incorrect, or violates"
                + " schema.\",\"details\":[{\"issue\":" + quote(message) + "}],\"debug_id\":\"emulator\"}";
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, PAYPAL_TIME).toInstant();
        }
    }

    private static String format(Instant instant) {
        return PAYPAL_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") && TOKENS.contains(authorization.substring(7));
    }

    void record(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        requests.add(exchange.getRequestMethod() + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Paypal-Debug-Id", "emulator");
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
