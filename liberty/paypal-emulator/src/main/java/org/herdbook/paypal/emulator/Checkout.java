package org.herdbook.paypal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's checkout: Orders v2, captures, refunds, catalog products, billing plans,
 * subscriptions, the approval pages a payer would see, the webhook events these produce, and
 * injected faults.
 *
 * <p>Create calls honour {@code PayPal-Request-Id}: the same id gets the same answer and
 * creates nothing new, as PayPal does. The fee is PayPal's domestic rate, 2.9% plus 0.30.
 * Events are kept in {@link #events()} and sent only when a test asks ({@link #send(String)}),
 * so a test chooses their order against the return page.
 */
public final class Checkout {

    /** The certificate URL announced in deliveries: a PayPal API host, as PayPal does. */
    public static final String CERT_HOST = "https://api.sandbox.paypal.com";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PaypalEmulator emulator;
    private final WebhookSigner signer = WebhookSigner.shared();
    // HTTP/1.1 as PayPal posts webhooks (and no h2c upgrade, which Liberty answers poorly on plain HTTP).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> captures = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> products = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> plans = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> sales = new ConcurrentHashMap<>();
    private final Map<String, String> idempotent = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile String payerEmail = "payer@example.org";
    private volatile URI webhookTarget;
    private volatile String webhookId;

    /** A fault for the next {@code times} requests starting with {@code request} ("POST /v2/checkout/orders"). */
    private record Fault(String request, AtomicInteger times, int status, Duration stall) {
    }

    Checkout(PaypalEmulator emulator) {
        this.emulator = emulator;
    }

    void register(HttpServer server) {
        server.createContext("/v2/checkout/orders", exchange -> handle(exchange, this::orders));
        server.createContext("/v2/payments/captures", exchange -> handle(exchange, this::capturesApi));
        server.createContext("/v1/catalogs/products", exchange -> handle(exchange, this::productsApi));
        server.createContext("/v1/billing/plans", exchange -> handle(exchange, this::plansApi));
        server.createContext("/v1/billing/subscriptions", exchange -> handle(exchange, this::subscriptionsApi));
        server.createContext("/v1/notifications/certs", this::certificate);
        server.createContext("/checkoutnow", this::approvalPage);
        server.createContext("/webapps/billing/subscriptions", this::approvalPage);
    }

    // ---------------------------------------------------------------- for tests

    public WebhookSigner signer() {
        return signer;
    }

    /** Where {@link #send(String)} posts events, and the webhook id PayPal gave that registration. */
    public void deliverWebhooksTo(URI target, String id) {
        this.webhookTarget = target;
        this.webhookId = id;
    }

    /** The events this emulator produced so far (JSON), oldest first. */
    public List<String> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** The latest event of {@code type}. */
    public String lastEvent(String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).contains("\"event_type\":\"" + type + "\"")) {
                return events.get(i);
            }
        }
        throw new IllegalStateException("no " + type + " event yet");
    }

    /** Signs and posts {@code event} with a valid certificate, now; answers the HTTP status. */
    public int send(String event) {
        return post(signer.sign(webhookId, event.getBytes(StandardCharsets.UTF_8), Instant.now(),
                WebhookSigner.Certificate.VALID, CERT_HOST + signer.certPath(WebhookSigner.Certificate.VALID)));
    }

    /** A delivery signed with {@code kind}'s certificate at {@code transmissionTime}, announcing {@code certHost}. */
    public WebhookSigner.Delivery sign(String event, Instant transmissionTime, WebhookSigner.Certificate kind,
            String certHost) {
        return signer.sign(webhookId, event.getBytes(StandardCharsets.UTF_8), transmissionTime, kind,
                certHost + signer.certPath(kind));
    }

    /** Posts a delivery as it stands (a test may have altered it); answers the HTTP status. */
    public int post(WebhookSigner.Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhookTarget).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("webhook delivery failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next {@code times} requests starting with {@code request} are processed, then answered
     * after {@code stall} with {@code status} (0: the real answer), as when PayPal did the work but
     * the answer was lost.
     */
    public void fault(String request, int times, int status, Duration stall) {
        faults.add(new Fault(request, new AtomicInteger(times), status, stall));
    }

    /** The address of the PayPal account that approves the next orders. */
    public void payerEmail(String address) {
        this.payerEmail = address;
    }

    /** The payer approves order or subscription {@code id} (what the approval page does). */
    public void approve(String id) {
        ObjectNode order = orders.get(id);
        if (order != null) {
            order.put("status", "APPROVED");
            order.putObject("payer").put("payer_id", "EMULATEDPAYER").put("email_address", payerEmail);
            return;
        }
        ObjectNode subscription = subscriptions.get(id);
        if (subscription == null) {
            throw new IllegalArgumentException("unknown " + id);
        }
        subscription.put("status", "ACTIVE").put("status_update_time", Instant.now().toString());
        event("BILLING.SUBSCRIPTION.ACTIVATED", "subscription", subscription.deepCopy());
        chargeSubscription(id, Instant.now());
    }

    /** How many captures the emulator made (one per charged payer). */
    public int captureCount() {
        return captures.size();
    }

    public int orderCount() {
        return orders.size();
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    public int productCount() {
        return products.size();
    }

    public int planCount() {
        return plans.size();
    }

    /** A monthly payment of subscription {@code id}: a sale, and its {@code PAYMENT.SALE.COMPLETED} event. */
    public String chargeSubscription(String id, Instant when) {
        ObjectNode subscription = subscriptions.get(id);
        ObjectNode plan = plans.get(subscription.path("plan_id").asText());
        JsonNode price = plan.path("billing_cycles").path(0).path("pricing_scheme").path("fixed_price");
        BigDecimal gross = new BigDecimal(price.path("value").asText());
        String currency = price.path("currency_code").asText();
        ObjectNode sale = JSON.createObjectNode();
        sale.put("id", "SALE-" + shortId());
        sale.put("state", "completed");
        sale.putObject("amount").put("total", gross.toPlainString()).put("currency", currency)
                .putObject("details").put("subtotal", gross.toPlainString());
        sale.putObject("transaction_fee").put("value", fee(gross).toPlainString()).put("currency", currency);
        sale.put("billing_agreement_id", id);
        sale.put("custom", subscription.path("custom_id").asText());
        sale.put("create_time", when.toString());
        sale.put("update_time", when.toString());
        sales.put(sale.path("id").asText(), sale.deepCopy());
        return event("PAYMENT.SALE.COMPLETED", "sale", sale);
    }

    /**
     * The subscription payment {@code saleId} goes back to the payer: refunded by the merchant
     * ({@code PAYMENT.SALE.REFUNDED}) or, {@code reversed}, taken back by the payer's bank
     * ({@code PAYMENT.SALE.REVERSED}). The v1 refund shape: {@code sale_id}, negative-free amount.
     */
    public String refundSale(String saleId, boolean reversed) {
        return refundSale(saleId, reversed, sales.get(saleId).path("amount").path("total").asText());
    }

    /** The merchant refunds {@code total} (a decimal string) of subscription payment {@code saleId}: part of it, or all. */
    public String refundSalePartly(String saleId, String total) {
        return refundSale(saleId, false, total);
    }

    private String refundSale(String saleId, boolean reversed, String total) {
        ObjectNode sale = sales.get(saleId);
        ObjectNode refund = JSON.createObjectNode();
        refund.put("id", (reversed ? "SREV-" : "SREF-") + shortId());
        refund.put("state", "completed");
        refund.putObject("amount").put("total", total)
                .put("currency", sale.path("amount").path("currency").asText());
        refund.put("sale_id", saleId);
        refund.put("create_time", Instant.now().toString()).put("update_time", Instant.now().toString());
        return event(reversed ? "PAYMENT.SALE.REVERSED" : "PAYMENT.SALE.REFUNDED", "refund", refund);
    }

    /** A monthly payment of subscription {@code id} that failed. */
    public String failSubscriptionPayment(String id) {
        ObjectNode subscription = subscriptions.get(id).deepCopy();
        subscription.putObject("billing_info").put("failed_payments_count", 1);
        return event("BILLING.SUBSCRIPTION.PAYMENT.FAILED", "subscription", subscription);
    }

    /** PayPal changes subscription {@code id} on its own (suspended after failures, active again, expired). */
    public String changeSubscription(String id, String status) {
        ObjectNode subscription = subscriptions.get(id);
        subscription.put("status", status);
        return event("BILLING.SUBSCRIPTION." + ("ACTIVE".equals(status) ? "ACTIVATED" : status), "subscription",
                subscription.deepCopy());
    }

    /** The payer's bank takes back capture {@code captureId}: {@code PAYMENT.CAPTURE.REVERSED}. */
    public String reverseCapture(String captureId) {
        ObjectNode capture = captures.get(captureId);
        ObjectNode reversal = refundOf(capture, "REV-");
        return event("PAYMENT.CAPTURE.REVERSED", "refund", reversal);
    }

    /** The id of the capture of order {@code orderId}, once captured. */
    public String captureOf(String orderId) {
        return orders.get(orderId).path("purchase_units").path(0).path("payments").path("captures").path(0)
                .path("id").asText(null);
    }

    // ---------------------------------------------------------------- HTTP

    private interface Api {
        Answer serve(HttpExchange exchange, String method, List<String> path, JsonNode body) throws IOException;
    }

    private record Answer(int status, String json) {
    }

    private void handle(HttpExchange exchange, Api api) throws IOException {
        emulator.record(exchange);
        if (!emulator.authorized(exchange)) {
            emulator.respond(exchange, 401, "{\"error\":\"invalid_token\",\"error_description\":\"Access Token not found in cache\"}");
            return;
        }
        String method = exchange.getRequestMethod();
        List<String> path = new ArrayList<>();
        for (String part : exchange.getRequestURI().getPath().split("/")) {
            if (!part.isEmpty()) {
                path.add(part);
            }
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String requestId = exchange.getRequestHeaders().getFirst("PayPal-Request-Id");
        String key = requestId == null || !"POST".equals(method) ? null : method + " " + exchange.getRequestURI().getPath()
                + " " + requestId;
        Answer answer;
        synchronized (this) {
            String earlier = key == null ? null : idempotent.get(key);
            if (earlier != null) {
                int split = earlier.indexOf(' ');
                answer = new Answer(Integer.parseInt(earlier.substring(0, split)), earlier.substring(split + 1));
            } else {
                answer = api.serve(exchange, method, path, body);
                if (key != null && answer.status() < 300) {
                    idempotent.put(key, answer.status() + " " + answer.json());
                }
            }
        }
        String line = method + " " + exchange.getRequestURI().getPath();
        for (Fault fault : faults) {
            if (line.startsWith(fault.request()) && fault.times().getAndDecrement() > 0) {
                sleep(fault.stall());
                if (fault.status() > 0) {
                    answer = new Answer(fault.status(), "{\"name\":\"INTERNAL_SERVER_ERROR\",\"message\":\"An internal"
                            + " server error occurred.\",\"debug_id\":\"emulator\"}");
                }
                break;
            }
        }
        try {
            emulator.respond(exchange, answer.status(), answer.json());
        } catch (IOException e) {
            // The client gave up waiting (a stalled answer): what PayPal did stays done.
            exchange.close();
        }
    }

    private Answer orders(HttpExchange exchange, String method, List<String> path, JsonNode body) {
        // path: v2 checkout orders [id] [capture]
        if ("POST".equals(method) && path.size() == 3) {
            JsonNode unit = body.path("purchase_units").path(0);
            JsonNode amount = unit.path("amount");
            if (!"CAPTURE".equals(body.path("intent").asText()) || amount.path("value").asText("").isEmpty()
                    || amount.path("currency_code").asText("").isEmpty()) {
                return invalid("intent CAPTURE and purchase_units[0].amount are required.");
            }
            String id = shortId();
            ObjectNode order = JSON.createObjectNode();
            order.put("id", id).put("intent", "CAPTURE").put("status", "CREATED").put("create_time", Instant.now().toString());
            ObjectNode storedUnit = order.putArray("purchase_units").addObject();
            storedUnit.put("reference_id", unit.path("reference_id").asText("default"));
            storedUnit.set("amount", amount.deepCopy());
            if (unit.hasNonNull("custom_id")) {
                storedUnit.put("custom_id", unit.path("custom_id").asText());
            }
            if (unit.hasNonNull("description")) {
                storedUnit.put("description", unit.path("description").asText());
            }
            String returnUrl = body.path("payment_source").path("paypal").path("experience_context").path("return_url")
                    .asText(body.path("application_context").path("return_url").asText(""));
            String cancelUrl = body.path("payment_source").path("paypal").path("experience_context").path("cancel_url")
                    .asText(body.path("application_context").path("cancel_url").asText(""));
            order.put("emulator_return_url", returnUrl).put("emulator_cancel_url", cancelUrl);
            orders.put(id, order);
            return new Answer(201, publicOrder(order).toString());
        }
        if (path.size() < 4 || !orders.containsKey(path.get(3))) {
            return notFound();
        }
        ObjectNode order = orders.get(path.get(3));
        if ("GET".equals(method) && path.size() == 4) {
            return new Answer(200, publicOrder(order).toString());
        }
        if ("POST".equals(method) && path.size() == 5 && "capture".equals(path.get(4))) {
            if ("COMPLETED".equals(order.path("status").asText())) {
                return unprocessable("ORDER_ALREADY_CAPTURED", "Order already captured.");
            }
            if (!"APPROVED".equals(order.path("status").asText())) {
                return unprocessable("ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment.");
            }
            ObjectNode unit = (ObjectNode) order.path("purchase_units").path(0);
            JsonNode amount = unit.path("amount");
            BigDecimal gross = new BigDecimal(amount.path("value").asText());
            String currency = amount.path("currency_code").asText();
            ObjectNode capture = JSON.createObjectNode();
            String captureId = "CAP-" + shortId();
            capture.put("id", captureId).put("status", "COMPLETED").put("final_capture", true);
            capture.set("amount", amount.deepCopy());
            if (unit.hasNonNull("custom_id")) {
                capture.put("custom_id", unit.path("custom_id").asText());
            }
            ObjectNode breakdown = capture.putObject("seller_receivable_breakdown");
            breakdown.set("gross_amount", money(currency, gross));
            breakdown.set("paypal_fee", money(currency, fee(gross)));
            breakdown.set("net_amount", money(currency, gross.subtract(fee(gross))));
            capture.put("create_time", Instant.now().toString()).put("update_time", Instant.now().toString());
            capture.putObject("supplementary_data").putObject("related_ids").put("order_id", order.path("id").asText());
            capture.putArray("links").addObject().put("rel", "up")
                    .put("href", CERT_HOST + "/v2/checkout/orders/" + order.path("id").asText()).put("method", "GET");
            captures.put(captureId, capture);
            unit.putObject("payments").putArray("captures").add(capture.deepCopy());
            order.put("status", "COMPLETED");
            event("PAYMENT.CAPTURE.COMPLETED", "capture", capture.deepCopy());
            return new Answer(201, publicOrder(order).toString());
        }
        return notFound();
    }

    private Answer capturesApi(HttpExchange exchange, String method, List<String> path, JsonNode body) {
        // path: v2 payments captures {id} [refund]
        if (path.size() < 4 || !captures.containsKey(path.get(3))) {
            return notFound();
        }
        ObjectNode capture = captures.get(path.get(3));
        if ("GET".equals(method) && path.size() == 4) {
            return new Answer(200, capture.toString());
        }
        if ("POST".equals(method) && path.size() == 5 && "refund".equals(path.get(4))) {
            if ("REFUNDED".equals(capture.path("status").asText())) {
                return unprocessable("CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.");
            }
            ObjectNode refund = refundOf(capture, "REF-");
            capture.put("status", "REFUNDED");
            event("PAYMENT.CAPTURE.REFUNDED", "refund", refund.deepCopy());
            return new Answer(201, refund.toString());
        }
        return notFound();
    }

    private Answer productsApi(HttpExchange exchange, String method, List<String> path, JsonNode body) {
        if ("POST".equals(method) && path.size() == 3) {
            if (body.path("name").asText("").isEmpty() || body.path("type").asText("").isEmpty()) {
                return invalid("name and type are required.");
            }
            ObjectNode product = ((ObjectNode) body).deepCopy();
            product.put("id", "PROD-" + shortId()).put("create_time", Instant.now().toString());
            products.put(product.path("id").asText(), product);
            return new Answer(201, product.toString());
        }
        if ("GET".equals(method) && path.size() == 4 && products.containsKey(path.get(3))) {
            return new Answer(200, products.get(path.get(3)).toString());
        }
        return notFound();
    }

    private Answer plansApi(HttpExchange exchange, String method, List<String> path, JsonNode body) {
        if ("POST".equals(method) && path.size() == 3) {
            if (!products.containsKey(body.path("product_id").asText())) {
                return invalid("product_id does not exist.");
            }
            JsonNode price = body.path("billing_cycles").path(0).path("pricing_scheme").path("fixed_price");
            if (price.path("value").asText("").isEmpty()) {
                return invalid("billing_cycles[0].pricing_scheme.fixed_price is required.");
            }
            ObjectNode plan = ((ObjectNode) body).deepCopy();
            plan.put("id", "P-" + shortId()).put("status", body.path("status").asText("ACTIVE"))
                    .put("create_time", Instant.now().toString());
            plans.put(plan.path("id").asText(), plan);
            return new Answer(201, plan.toString());
        }
        if ("GET".equals(method) && path.size() == 4 && plans.containsKey(path.get(3))) {
            return new Answer(200, plans.get(path.get(3)).toString());
        }
        return notFound();
    }

    private Answer subscriptionsApi(HttpExchange exchange, String method, List<String> path, JsonNode body) {
        if ("POST".equals(method) && path.size() == 3) {
            if (!plans.containsKey(body.path("plan_id").asText())) {
                return unprocessable("INVALID_RESOURCE_ID", "Requested resource ID was not found.");
            }
            String id = "I-" + shortId();
            ObjectNode subscription = JSON.createObjectNode();
            subscription.put("id", id).put("plan_id", body.path("plan_id").asText()).put("status", "APPROVAL_PENDING")
                    .put("status_update_time", Instant.now().toString()).put("create_time", Instant.now().toString());
            if (body.hasNonNull("custom_id")) {
                subscription.put("custom_id", body.path("custom_id").asText());
            }
            subscription.put("emulator_return_url", body.path("application_context").path("return_url").asText(""));
            subscription.put("emulator_cancel_url", body.path("application_context").path("cancel_url").asText(""));
            subscriptions.put(id, subscription);
            return new Answer(201, publicSubscription(subscription).toString());
        }
        if (path.size() < 4 || !subscriptions.containsKey(path.get(3))) {
            return notFound();
        }
        ObjectNode subscription = subscriptions.get(path.get(3));
        if ("GET".equals(method) && path.size() == 4) {
            return new Answer(200, publicSubscription(subscription).toString());
        }
        if ("POST".equals(method) && path.size() == 5) {
            String action = path.get(4);
            String target = switch (action) {
                case "cancel" -> "CANCELLED";
                case "suspend" -> "SUSPENDED";
                case "activate" -> "ACTIVE";
                default -> null;
            };
            if (target == null) {
                return notFound();
            }
            String now = subscription.path("status").asText();
            if ("CANCELLED".equals(now) || "EXPIRED".equals(now)
                    || ("activate".equals(action) && !"SUSPENDED".equals(now))) {
                return unprocessable("SUBSCRIPTION_STATUS_INVALID", "Invalid subscription status for " + action + " action;"
                        + " subscription status is " + now + ".");
            }
            subscription.put("status", target).put("status_update_time", Instant.now().toString());
            event("BILLING.SUBSCRIPTION." + (target.equals("ACTIVE") ? "ACTIVATED" : target), "subscription",
                    subscription.deepCopy());
            return new Answer(204, "");
        }
        return notFound();
    }

    private void certificate(HttpExchange exchange) throws IOException {
        emulator.record(exchange);
        for (WebhookSigner.Certificate kind : WebhookSigner.Certificate.values()) {
            if (exchange.getRequestURI().getPath().equals(signer.certPath(kind))) {
                byte[] pem = signer.chain(kind).getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type", "application/x-pem-file");
                exchange.sendResponseHeaders(200, pem.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(pem);
                }
                return;
            }
        }
        emulator.respond(exchange, 404, "{\"name\":\"RESOURCE_NOT_FOUND\"}");
    }

    /** What the payer's browser meets at PayPal: approval, then back to the shop's return URL. */
    private void approvalPage(HttpExchange exchange) throws IOException {
        emulator.record(exchange);
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String id = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=") || pair.startsWith("ba_token=")) {
                id = pair.substring(pair.indexOf('=') + 1);
            }
        }
        String location;
        if (id != null && orders.containsKey(id)) {
            approve(id);
            location = withQuery(orders.get(id).path("emulator_return_url").asText(), "token=" + id + "&PayerID=EMULATEDPAYER");
        } else if (id != null && subscriptions.containsKey(id)) {
            if ("APPROVAL_PENDING".equals(subscriptions.get(id).path("status").asText())) {
                approve(id);
            }
            location = withQuery(subscriptions.get(id).path("emulator_return_url").asText(),
                    "subscription_id=" + id + "&ba_token=BA-" + id + "&token=" + id);
        } else {
            emulator.respond(exchange, 404, "{\"name\":\"RESOURCE_NOT_FOUND\"}");
            return;
        }
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    // ---------------------------------------------------------------- shapes

    private ObjectNode publicOrder(ObjectNode order) {
        ObjectNode copy = order.deepCopy();
        copy.remove("emulator_return_url");
        copy.remove("emulator_cancel_url");
        ArrayNode links = copy.putArray("links");
        String id = order.path("id").asText();
        links.addObject().put("href", CERT_HOST + "/v2/checkout/orders/" + id).put("rel", "self").put("method", "GET");
        links.addObject().put("href", emulator.baseUrl() + "/checkoutnow?token=" + id).put("rel", "payer-action")
                .put("method", "GET");
        links.addObject().put("href", emulator.baseUrl() + "/checkoutnow?token=" + id).put("rel", "approve")
                .put("method", "GET");
        return copy;
    }

    private ObjectNode publicSubscription(ObjectNode subscription) {
        ObjectNode copy = subscription.deepCopy();
        copy.remove("emulator_return_url");
        copy.remove("emulator_cancel_url");
        ArrayNode links = copy.putArray("links");
        String id = subscription.path("id").asText();
        links.addObject().put("href", emulator.baseUrl() + "/webapps/billing/subscriptions?ba_token=" + id)
                .put("rel", "approve").put("method", "GET");
        links.addObject().put("href", CERT_HOST + "/v1/billing/subscriptions/" + id).put("rel", "self")
                .put("method", "GET");
        return copy;
    }

    private ObjectNode refundOf(ObjectNode capture, String prefix) {
        String currency = capture.path("amount").path("currency_code").asText();
        BigDecimal gross = new BigDecimal(capture.path("amount").path("value").asText());
        ObjectNode refund = JSON.createObjectNode();
        refund.put("id", prefix + shortId()).put("status", "COMPLETED");
        refund.set("amount", money(currency, gross));
        if (capture.hasNonNull("custom_id")) {
            refund.put("custom_id", capture.path("custom_id").asText());
        }
        // PayPal keeps its fee on a refund: the payer gets the gross back, the fee is not returned.
        ObjectNode breakdown = refund.putObject("seller_payable_breakdown");
        breakdown.set("gross_amount", money(currency, gross));
        breakdown.set("paypal_fee", money(currency, BigDecimal.ZERO.setScale(2)));
        breakdown.set("net_amount", money(currency, gross));
        refund.put("create_time", Instant.now().toString()).put("update_time", Instant.now().toString());
        refund.putArray("links").addObject().put("rel", "up")
                .put("href", CERT_HOST + "/v2/payments/captures/" + capture.path("id").asText()).put("method", "GET");
        return refund;
    }

    private String event(String type, String resourceType, ObjectNode resource) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "WH-" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        event.put("event_version", "1.0");
        event.put("create_time", Instant.now().toString());
        event.put("resource_type", resourceType);
        event.put("resource_version", "sale".equals(resourceType) ? "1.0" : "2.0");
        event.put("event_type", type);
        event.put("summary", "Emulated " + type);
        resource.remove("emulator_return_url");
        resource.remove("emulator_cancel_url");
        event.set("resource", resource);
        String json = event.toString();
        events.add(json);
        return json;
    }

    /** PayPal's domestic fee, 2.9% plus 0.30, rounded to the cent. */
    static BigDecimal fee(BigDecimal gross) {
        return gross.multiply(new BigDecimal("0.029")).add(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP);
    }

    private static ObjectNode money(String currency, BigDecimal value) {
        return JSON.createObjectNode().put("currency_code", currency).put("value", value.setScale(2, RoundingMode.UNNECESSARY)
                .toPlainString());
    }

    private static Answer invalid(String issue) {
        return new Answer(400, "{\"name\":\"INVALID_REQUEST\",\"message\":\"Request is not well-formed, syntactically"
                + " incorrect, or violates schema.\",\"details\":[{\"issue\":\"" + issue.replace("\"", "'")
                + "\"}],\"debug_id\":\"emulator\"}");
    }

    private static Answer unprocessable(String issue, String description) {
        return new Answer(422, "{\"name\":\"UNPROCESSABLE_ENTITY\",\"message\":\"The requested action could not be"
                + " performed, semantically incorrect, or failed business validation.\",\"details\":[{\"issue\":\""
                + issue + "\",\"description\":\"" + description.replace("\"", "'") + "\"}],\"debug_id\":\"emulator\"}");
    }

    private static Answer notFound() {
        return new Answer(404, "{\"name\":\"RESOURCE_NOT_FOUND\",\"message\":\"The specified resource does not exist.\","
                + "\"debug_id\":\"emulator\"}");
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase(Locale.ROOT);
    }

    private static void sleep(Duration stall) {
        if (stall.isZero()) {
            return;
        }
        try {
            Thread.sleep(stall.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
