package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.herdbook.paypal.emulator.Checkout;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.herdbook.paypal.emulator.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PayPal webhooks through the real endpoint: signed by the emulator's test authority, verified by
 * the server against it, stored and applied once; forgeries, replays and oversized bodies refused.
 */
class PaypalWebhookIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE));

    private final PaypalEmulator emulator;
    private final Checkout paypal;

    PaypalWebhookIT() throws Exception {
        emulator = TestPaypal.start();
        paypal = emulator.checkout();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String sale(String member, String saleId, Instant when) {
        return "{\"id\":\"WH-" + UUID.randomUUID() + "\",\"event_type\":\"PAYMENT.SALE.COMPLETED\",\"resource_type\":"
                + "\"sale\",\"create_time\":\"" + when + "\",\"resource\":{\"id\":\"" + saleId + "\",\"state\":"
                + "\"completed\",\"amount\":{\"total\":\"10.00\",\"currency\":\"CAD\"},\"transaction_fee\":{\"value\":"
                + "\"0.59\",\"currency\":\"CAD\"},\"billing_agreement_id\":\"I-IT\",\"custom\":\"" + member
                + "\",\"create_time\":\"" + when + "\"}}";
    }

    private static String subscriptionEvent(String type, String member) {
        return "{\"id\":\"WH-" + UUID.randomUUID() + "\",\"event_type\":\"" + type + "\",\"resource_type\":"
                + "\"subscription\",\"resource\":{\"id\":\"I-IT\",\"status\":\"ACTIVE\",\"custom_id\":\"" + member + "\"}}";
    }

    private static JsonObject membership(TestPeople.Person member) {
        return TestServer.json(TestServer.get(TestServer.newSession(), "/api/me/membership", "Authorization",
                member.bearer()));
    }

    private static long entries(String transactionId) {
        return TestDatabase.number("SELECT count(*) FROM finance.journal_entry WHERE paypal_txn_id = ?", transactionId);
    }

    private static long stored(String eventJson) {
        String id = eventJson.substring(7, eventJson.indexOf('"', 7));
        return TestDatabase.number("SELECT count(*) FROM finance.paypal_webhook_event WHERE event_id = ?", id);
    }

    @Test
    void aMonthlyPaymentMakesTheMemberActiveAndIsBookedWithItsFeeOnceHoweverOftenItIsDelivered() {
        TestPeople.Person member = TestPeople.withRoles("subscriber", "member");
        String saleId = "SALE-" + UUID.randomUUID();
        String event = sale(member.id(), saleId, Instant.now());

        assertThat(paypal.send(subscriptionEvent("BILLING.SUBSCRIPTION.ACTIVATED", member.id()))).isEqualTo(200);
        assertThat(paypal.send(event)).isEqualTo(200);
        assertThat(paypal.send(event)).as("PayPal's retry").isEqualTo(200);

        JsonObject file = membership(member);
        assertThat(file.getString("standing")).isEqualTo("active");
        assertThat(file.getString("paidUntil")).isEqualTo(TODAY.plusMonths(1).minusDays(1).toString());
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_payment WHERE account_id = ?::uuid"
                + " AND source = 'paypal' AND reference = ?", member.id(), saleId)).isEqualTo(1);
        assertThat(entries(saleId)).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.posting p JOIN finance.journal_entry e"
                + " ON e.id = p.entry_id JOIN finance.account a ON a.code = p.account_code WHERE e.paypal_txn_id = ?"
                + " AND a.purpose = 'fees' AND p.amount = 0.59", saleId)).as("the fee on its own account").isEqualTo(1);
        assertThat(stored(event)).isEqualTo(1);

        // A second month: paid until two months on.
        assertThat(paypal.send(sale(member.id(), "SALE-" + UUID.randomUUID(), Instant.now()))).isEqualTo(200);
        assertThat(membership(member).getString("paidUntil")).isEqualTo(TODAY.plusMonths(2).minusDays(1).toString());
    }

    @Test
    void aFailedPaymentPutsTheMemberInGraceAndTheNextPaymentMakesThemActiveAgain() {
        TestPeople.Person member = TestPeople.withRoles("failing", "member");
        paypal.send(sale(member.id(), "SALE-" + UUID.randomUUID(), Instant.now()));
        assertThat(membership(member).getString("standing")).isEqualTo("active");

        assertThat(paypal.send(subscriptionEvent("BILLING.SUBSCRIPTION.PAYMENT.FAILED", member.id()))).isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("in-grace");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.standing_change WHERE account_id = ?::uuid"
                + " AND standing = 'in-grace' AND cause = 'dues-overdue'", member.id())).isEqualTo(1);

        paypal.send(sale(member.id(), "SALE-" + UUID.randomUUID(), Instant.now()));
        assertThat(membership(member).getString("standing")).isEqualTo("active");
    }

    @Test
    void withoutAPaymentGraceEndsInLapsed() throws Exception {
        // Active since three months ago; PayPal's last payment was 70 days ago and none came since.
        TestPeople.Person member = TestPeople.withRoles("lapsing", "treasurer");
        TestDatabase.update("INSERT INTO governance.membership (account_id, member_class) VALUES (?::uuid, 'general')",
                member.id());
        TestDatabase.update("INSERT INTO governance.standing_change (account_id, standing, effective_on, cause)"
                + " VALUES (?::uuid, 'applicant', ?, 'application'), (?::uuid, 'active', ?, 'board-decision')",
                member.id(), TODAY.minusMonths(4), member.id(), TODAY.minusMonths(3));
        paypal.send(sale(member.id(), "SALE-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(70))));

        JsonObject file = membership(member);
        assertThat(file.getString("standing")).isEqualTo("lapsed");
        assertThat(file.getJsonArray("standingHistory").stream().map(JsonObject.class::cast)
                .map(period -> period.getString("standing"))).containsSubsequence("active", "in-grace", "lapsed");
    }

    @Test
    void aRefundIsAnEntryOfItsOwnAndTheOriginalStays() {
        String captureId = "CAP-" + UUID.randomUUID();
        String capture = "{\"id\":\"WH-" + UUID.randomUUID() + "\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\","
                + "\"resource\":{\"id\":\"" + captureId + "\",\"status\":\"COMPLETED\",\"amount\":{\"currency_code\":"
                + "\"CAD\",\"value\":\"40.00\"},\"seller_receivable_breakdown\":{\"paypal_fee\":{\"currency_code\":\"CAD\","
                + "\"value\":\"1.46\"}}}}";
        String refundId = "REF-" + UUID.randomUUID();
        String refund = "{\"id\":\"WH-" + UUID.randomUUID() + "\",\"event_type\":\"PAYMENT.CAPTURE.REFUNDED\","
                + "\"resource\":{\"id\":\"" + refundId + "\",\"status\":\"COMPLETED\",\"amount\":{\"currency_code\":"
                + "\"CAD\",\"value\":\"40.00\"},\"links\":[{\"rel\":\"up\",\"href\":"
                + "\"https://api.sandbox.paypal.com/v2/payments/captures/" + captureId + "\"}]}}";
        // The refund first: order does not matter.
        assertThat(paypal.send(refund)).isEqualTo(200);
        assertThat(paypal.send(capture)).isEqualTo(200);

        assertThat(entries(captureId)).isEqualTo(1);
        assertThat(entries(refundId)).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT coalesce(sum(p.amount), 0) * 100 FROM finance.posting p"
                + " JOIN finance.journal_entry e ON e.id = p.entry_id JOIN finance.account a ON a.code = p.account_code"
                + " WHERE e.paypal_txn_id IN (?, ?) AND a.purpose = 'donations'", captureId, refundId))
                .as("donations: -40 then +40").isZero();
    }

    @Test
    void anUnknownEventTypeIsStoredAndIgnored() throws Exception {
        String event = "{\"id\":\"WH-" + UUID.randomUUID() + "\",\"event_type\":\"CUSTOMER.DISPUTE.CREATED\","
                + "\"resource\":{\"id\":\"PP-D-1\"}}";
        HttpResponse<String> answer = post(paypal.sign(event, Instant.now(), WebhookSigner.Certificate.VALID,
                Checkout.CERT_HOST));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(answer).getString("eventOutcome")).isEqualTo("ignored");
        assertThat(stored(event)).isEqualTo(1);
    }

    @Test
    void forgeriesReplaysAndOversizedBodiesAreRefusedLoggedAndChangeNothing() throws Exception {
        TestPeople.Person member = TestPeople.withRoles("target", "member");
        String event = sale(member.id(), "SALE-" + UUID.randomUUID(), Instant.now());
        WebhookSigner.Delivery genuine = paypal.sign(event, Instant.now(), WebhookSigner.Certificate.VALID,
                Checkout.CERT_HOST);

        Map<String, String> forged = new HashMap<>(genuine.headers());
        forged.put("PAYPAL-TRANSMISSION-SIG", java.util.Base64.getEncoder().encodeToString(new byte[256]));
        assertRefused(new WebhookSigner.Delivery(forged, genuine.body()), 400, "signature");

        byte[] altered = new String(genuine.body(), StandardCharsets.UTF_8).replace("10.00", "99.00")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(new WebhookSigner.Delivery(genuine.headers(), altered), 400, "signature");

        assertRefused(paypal.sign(event, Instant.now(), WebhookSigner.Certificate.VALID, "https://paypal.example.org"), 400,
                "certificate-host");
        assertRefused(paypal.sign(event, Instant.now(), WebhookSigner.Certificate.EXPIRED, Checkout.CERT_HOST), 400,
                "certificate");
        assertRefused(paypal.sign(event, Instant.now(), WebhookSigner.Certificate.UNTRUSTED, Checkout.CERT_HOST), 400,
                "certificate");
        assertRefused(paypal.sign(event, Instant.now().minus(Duration.ofDays(2)), WebhookSigner.Certificate.VALID,
                Checkout.CERT_HOST), 400, "stale");
        String huge = event.replace("\"state\"", "\"padding\":\"" + "x".repeat(300_000) + "\",\"state\"");
        assertRefused(paypal.sign(huge, Instant.now(), WebhookSigner.Certificate.VALID, Checkout.CERT_HOST), 413, null);

        assertThat(stored(event)).isZero();
        assertThat(membership(member).getString("standing")).isEqualTo("applicant");
        assertThat(TestServer.log()).contains("PayPal webhook delivery refused");

        // The genuine delivery still works afterwards, once.
        assertThat(post(genuine).statusCode()).isEqualTo(200);
        assertThat(TestServer.json(post(genuine)).getString("eventOutcome")).isEqualTo("duplicate");
        assertThat(membership(member).getString("standing")).isEqualTo("active");
    }

    private HttpResponse<String> post(WebhookSigner.Delivery delivery) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestServer.url("/api/paypal/webhooks")))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        return TestServer.newSession().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(WebhookSigner.Delivery delivery, int status, String reason) throws Exception {
        HttpResponse<String> answer = post(delivery);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        if (reason != null) {
            assertThat(TestServer.json(answer).getString("detail")).endsWith("(" + reason + ").");
        }
    }
}
