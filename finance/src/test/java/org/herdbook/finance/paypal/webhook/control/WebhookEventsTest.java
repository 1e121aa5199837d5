package org.herdbook.finance.paypal.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.testing.Books;
import org.herdbook.paypal.emulator.Checkout;
import org.herdbook.paypal.emulator.EmulatorRoute;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.herdbook.paypal.emulator.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    private static final String WEBHOOK_ID = "WH-TEST-4JH86294D6297924G";

    private final PaypalEmulator emulator;
    private final Books books = new Books();
    private final RecordingMembers members = new RecordingMembers();
    private final WebhookVerifier verifier;
    private final WebhookEvents events;

    WebhookEventsTest() throws Exception {
        emulator = PaypalEmulator.start(0, "client-id", "client-secret");
        emulator.checkout().deliverWebhooksTo(URI.create("http://localhost:1/unused"), WEBHOOK_ID);
        Set<TrustAnchor> anchors = TrustAnchors.of(new ByteArrayInputStream(
                emulator.checkout().signer().authorityPem().getBytes(StandardCharsets.US_ASCII)));
        verifier = new WebhookVerifier(new WebhookSettings(WEBHOOK_ID, true, Duration.ofMinutes(15)),
                () -> anchors, Clock.systemUTC(), List.of(new EmulatorRoute(emulator.baseUrl())));
        events = new WebhookEvents(books.database, books.paypal, members,
                new Donations(books.database, books.paypal, java.util.Optional::empty), donation -> {
                    throw new AssertionError("no donation here");
                });
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** What the endpoint does: verify, then store and apply in one transaction. */
    private WebhookEvents.Outcome deliver(WebhookSigner.Delivery delivery) {
        Map<String, String> headers = new HashMap<>();
        delivery.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        WebhookVerifier.Transmission transmission = verifier.verify(name -> headers.get(name.toLowerCase(Locale.ROOT)),
                delivery.body());
        return books.database.inTransaction(() -> events.receive(delivery.body(), transmission));
    }

    private WebhookSigner.Delivery signed(String event) {
        return emulator.checkout().sign(event, Instant.now(), WebhookSigner.Certificate.VALID, Checkout.CERT_HOST);
    }

    private static String capture(String eventId, String captureId, String gross, String fee) {
        return "{\"id\":\"" + eventId + "\",\"event_version\":\"1.0\",\"create_time\":\"2026-10-14T15:00:00Z\","
                + "\"resource_type\":\"capture\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"resource\":{\"id\":\""
                + captureId + "\",\"status\":\"COMPLETED\",\"amount\":{\"currency_code\":\"CAD\",\"value\":\"" + gross
                + "\"},\"seller_receivable_breakdown\":{\"gross_amount\":{\"currency_code\":\"CAD\",\"value\":\"" + gross
                + "\"},\"paypal_fee\":{\"currency_code\":\"CAD\",\"value\":\"" + fee + "\"}},"
                + "\"create_time\":\"2026-10-14T15:00:00Z\"}}";
    }

    private static String sale(String eventId, String saleId, String member) {
        return "{\"id\":\"" + eventId + "\",\"event_type\":\"PAYMENT.SALE.COMPLETED\",\"resource_type\":\"sale\","
                + "\"create_time\":\"2026-10-01T12:00:00Z\",\"resource\":{\"id\":\"" + saleId + "\",\"state\":\"completed\","
                + "\"amount\":{\"total\":\"10.00\",\"currency\":\"CAD\"},\"transaction_fee\":{\"value\":\"0.59\","
                + "\"currency\":\"CAD\"},\"billing_agreement_id\":\"I-SUB1\",\"custom\":\"" + member + "\","
                + "\"create_time\":\"2026-10-01T12:00:00Z\"}}";
    }

    private List<Posting> postings(String transactionId) {
        List<JournalEntry> entries = books.ledger.entriesForPaypalTransaction(transactionId);
        assertThat(entries).hasSize(1);
        return entries.get(0).postings();
    }

    private long storedEvents() throws Exception {
        return books.database.count("SELECT count(*) FROM finance.paypal_webhook_event");
    }

    @Test
    void aCaptureIsBookedWithPaypalsFeeAndADuplicateDeliveryChangesNothing() throws Exception {
        String event = capture("WH-1", "CAP-1", "25.00", "1.03");

        assertThat(deliver(signed(event))).isEqualTo(WebhookEvents.Outcome.APPLIED);
        assertThat(deliver(signed(event))).as("PayPal's retry, new transmission").isEqualTo(WebhookEvents.Outcome.DUPLICATE);

        assertThat(postings("CAP-1")).containsExactlyInAnyOrder(new Posting("1010", Money.parse("CAD 23.97")),
                new Posting("6000", Money.parse("CAD 1.03")), new Posting("4100", Money.parse("CAD -25.00")));
        assertThat(storedEvents()).isEqualTo(1);
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_webhook_event WHERE body LIKE '%CAP-1%'"))
                .as("the raw body is kept").isEqualTo(1);
    }

    @Test
    void aRefundIsAnEntryOfItsOwnAgainstTheOriginalsAccountInEitherOrder() {
        String refund = "{\"id\":\"WH-R\",\"event_type\":\"PAYMENT.CAPTURE.REFUNDED\",\"resource_type\":\"refund\","
                + "\"resource\":{\"id\":\"REF-1\",\"status\":\"COMPLETED\",\"amount\":{\"currency_code\":\"CAD\","
                + "\"value\":\"25.00\"},\"create_time\":\"2026-10-15T15:00:00Z\",\"links\":[{\"rel\":\"up\",\"href\":"
                + "\"https://api.paypal.com/v2/payments/captures/CAP-2\",\"method\":\"GET\"}]}}";
        deliver(signed(capture("WH-C", "CAP-2", "25.00", "1.03")));
        deliver(signed(refund));

        assertThat(postings("REF-1")).extracting(Posting::accountCode, Posting::amount).containsExactlyInAnyOrder(
                tuple("1010", Money.parse("CAD -25.00")), tuple("4100", Money.parse("CAD 25.00")));
        assertThat(postings("CAP-2")).as("the original entry is untouched").hasSize(3);
    }

    @Test
    void aRefundArrivingBeforeItsCaptureIsBookedOnDonationsAllTheSame() {
        String refund = "{\"id\":\"WH-R2\",\"event_type\":\"PAYMENT.CAPTURE.REFUNDED\",\"resource\":{\"id\":\"REF-2\","
                + "\"status\":\"COMPLETED\",\"amount\":{\"currency_code\":\"CAD\",\"value\":\"25.00\"},\"create_time\":"
                + "\"2026-10-15T15:00:00Z\",\"links\":[{\"rel\":\"up\",\"href\":"
                + "\"https://api.paypal.com/v2/payments/captures/CAP-3\"}]}}";
        deliver(signed(refund));
        deliver(signed(capture("WH-C3", "CAP-3", "25.00", "1.03")));

        assertThat(postings("REF-2")).extracting(Posting::accountCode, Posting::amount).containsExactlyInAnyOrder(
                tuple("1010", Money.parse("CAD -25.00")), tuple("4100", Money.parse("CAD 25.00")));
        assertThat(postings("CAP-3")).extracting(Posting::accountCode).contains("4100");
    }

    @Test
    void aSubscriptionPaymentIsBookedAsDuesAndTellsTheMembersOnce() {
        String event = sale("WH-S", "SALE-1", "member-42");
        deliver(signed(event));
        deliver(signed(event));

        assertThat(postings("SALE-1")).extracting(Posting::accountCode).containsExactlyInAnyOrder("1010", "6000", "4000");
        assertThat(members.calls).containsExactly("paid member-42 CAD 10.00 SALE-1");
    }

    @Test
    void failedPaymentsAndSubscriptionChangesReachTheMembers() {
        deliver(signed("{\"id\":\"WH-F\",\"event_type\":\"BILLING.SUBSCRIPTION.PAYMENT.FAILED\",\"resource\":"
                + "{\"id\":\"I-SUB1\",\"status\":\"ACTIVE\",\"custom_id\":\"member-42\"}}"));
        deliver(signed("{\"id\":\"WH-X\",\"event_type\":\"BILLING.SUBSCRIPTION.CANCELLED\",\"resource\":"
                + "{\"id\":\"I-SUB1\",\"status\":\"CANCELLED\",\"custom_id\":\"member-42\"}}"));

        assertThat(members.calls).containsExactly("failed member-42 I-SUB1", "changed member-42 I-SUB1 CANCELLED");
    }

    @Test
    void subscriptionStatusesReachTheMembersOnceEachWithTheEventsTime() {
        String suspended = "{\"id\":\"WH-SUS\",\"event_type\":\"BILLING.SUBSCRIPTION.SUSPENDED\",\"create_time\":"
                + "\"2026-10-03T08:00:00Z\",\"resource\":{\"id\":\"I-SUB1\",\"status\":\"SUSPENDED\",\"custom_id\":\"member-42\"}}";
        String activated = "{\"id\":\"WH-ACT\",\"event_type\":\"BILLING.SUBSCRIPTION.ACTIVATED\",\"create_time\":"
                + "\"2026-10-02T08:00:00Z\",\"resource\":{\"id\":\"I-SUB1\",\"status\":\"ACTIVE\",\"custom_id\":\"member-42\"}}";
        String expired = "{\"id\":\"WH-EXP\",\"event_type\":\"BILLING.SUBSCRIPTION.EXPIRED\",\"create_time\":"
                + "\"2026-10-04T08:00:00Z\",\"resource\":{\"id\":\"I-SUB1\",\"status\":\"EXPIRED\",\"custom_id\":\"member-42\"}}";
        deliver(signed(suspended));
        deliver(signed(activated));
        deliver(signed(suspended));
        deliver(signed(expired));

        assertThat(members.calls).as("suspension is the members' to judge, by the event's time").containsExactly(
                "changed member-42 I-SUB1 SUSPENDED", "changed member-42 I-SUB1 ACTIVE", "changed member-42 I-SUB1 EXPIRED");
        assertThat(members.changedAt).containsExactly(Instant.parse("2026-10-03T08:00:00Z"),
                Instant.parse("2026-10-02T08:00:00Z"), Instant.parse("2026-10-04T08:00:00Z"));
    }

    @Test
    void aRefundedOrReversedSaleIsWithdrawnFromTheMembersOnceInEitherOrder() {
        String refund = "{\"id\":\"WH-SR\",\"event_type\":\"PAYMENT.SALE.REFUNDED\",\"resource\":{\"id\":\"SREF-1\","
                + "\"state\":\"completed\",\"amount\":{\"total\":\"-10.00\",\"currency\":\"CAD\"},\"sale_id\":\"SALE-7\","
                + "\"create_time\":\"2026-10-05T09:00:00Z\"}}";
        String reversal = "{\"id\":\"WH-SV\",\"event_type\":\"PAYMENT.SALE.REVERSED\",\"resource\":{\"id\":\"SREV-2\","
                + "\"state\":\"completed\",\"amount\":{\"total\":\"10.00\",\"currency\":\"CAD\"},\"sale_id\":\"SALE-8\","
                + "\"create_time\":\"2026-10-06T09:00:00Z\"}}";
        deliver(signed(sale("WH-S7", "SALE-7", "member-42")));
        deliver(signed(refund));
        deliver(signed(refund));
        deliver(signed(reversal));
        deliver(signed(sale("WH-S8", "SALE-8", "member-42")));

        assertThat(members.calls).containsExactly("paid member-42 CAD 10.00 SALE-7",
                "withdrawn CAD 10.00 of SALE-7 by SREF-1 refunded at 2026-10-05T09:00:00Z",
                "withdrawn CAD 10.00 of SALE-8 by SREV-2 reversed at 2026-10-06T09:00:00Z", "paid member-42 CAD 10.00 SALE-8");
        assertThat(postings("SREF-1")).extracting(Posting::accountCode, Posting::amount).containsExactlyInAnyOrder(
                tuple("1010", Money.parse("CAD -10.00")), tuple("4000", Money.parse("CAD 10.00")));
        assertThat(postings("SREV-2")).extracting(Posting::accountCode).contains("4000");
    }

    @Test
    void anUnknownEventTypeIsStoredAndIgnored() throws Exception {
        assertThat(deliver(signed("{\"id\":\"WH-U\",\"event_type\":\"CUSTOMER.DISPUTE.CREATED\",\"resource\":{\"id\":\"PP-D-1\"}}")))
                .isEqualTo(WebhookEvents.Outcome.IGNORED);
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_webhook_event WHERE outcome = 'ignored'"))
                .isEqualTo(1);
        assertThat(members.calls).isEmpty();
    }

    @Test
    void storedEventsCannotBeChangedOrDeleted() throws Exception {
        deliver(signed(capture("WH-1", "CAP-1", "25.00", "1.03")));
        assertThatThrownBy(() -> books.database.execute("UPDATE finance.paypal_webhook_event SET body = '{}'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> books.database.execute("DELETE FROM finance.paypal_webhook_event"))
                .hasMessageContaining("append-only");
    }

    @Test
    void twoDeliveriesOfOneEventAtOnceApplyItOnce() throws Exception {
        String event = capture("WH-RACE", "CAP-RACE", "50.00", "1.75");
        WebhookSigner.Delivery first = signed(event);
        WebhookSigner.Delivery second = signed(event);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<WebhookEvents.Outcome>> outcomes = new ArrayList<>();
            for (WebhookSigner.Delivery delivery : List.of(first, second)) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return deliver(delivery);
                }));
            }
            start.countDown();
            List<WebhookEvents.Outcome> results = new ArrayList<>();
            for (Future<WebhookEvents.Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder(WebhookEvents.Outcome.APPLIED, WebhookEvents.Outcome.DUPLICATE);
        } finally {
            threads.shutdownNow();
        }
        assertThat(books.ledger.entriesForPaypalTransaction("CAP-RACE")).hasSize(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() throws Exception {
        WebhookSigner.Delivery genuine = signed(capture("WH-1", "CAP-1", "25.00", "1.03"));
        Map<String, String> headers = new HashMap<>(genuine.headers());
        headers.put("PAYPAL-TRANSMISSION-SIG", java.util.Base64.getEncoder().encodeToString(new byte[256]));

        assertRejected(new WebhookSigner.Delivery(headers, genuine.body()), WebhookRejected.Reason.SIGNATURE);
        assertThat(storedEvents()).isZero();
    }

    @Test
    void aBodyAlteredAfterSigningIsRefused() throws Exception {
        WebhookSigner.Delivery genuine = signed(capture("WH-1", "CAP-1", "25.00", "1.03"));
        byte[] altered = new String(genuine.body(), StandardCharsets.UTF_8).replace("25.00", "2500.00")
                .getBytes(StandardCharsets.UTF_8);

        assertRejected(new WebhookSigner.Delivery(genuine.headers(), altered), WebhookRejected.Reason.SIGNATURE);
        assertThat(books.ledger.entriesForPaypalTransaction("CAP-1")).isEmpty();
    }

    @Test
    void aCertificateFromAHostThatIsNotPaypalsIsRefusedWithoutFetchingIt() {
        for (String host : List.of("https://evil.example", "https://api.sandbox.paypal.com.evil.example",
                "http://api.sandbox.paypal.com", "https://api.sandbox.paypal.com:8443", "https://api.paypal.com")) {
            assertRejected(emulator.checkout().sign(capture("WH-1", "CAP-1", "25.00", "1.03"), Instant.now(),
                    WebhookSigner.Certificate.VALID, host), WebhookRejected.Reason.CERTIFICATE_HOST);
        }
        assertThat(emulator.requests()).noneMatch(request -> request.contains("/v1/notifications/certs"));
    }

    @Test
    void anExpiredCertificateOrOneFromAnUntrustedAuthorityIsRefused() {
        for (WebhookSigner.Certificate kind : List.of(WebhookSigner.Certificate.EXPIRED, WebhookSigner.Certificate.UNTRUSTED)) {
            assertRejected(emulator.checkout().sign(capture("WH-1", "CAP-1", "25.00", "1.03"), Instant.now(), kind,
                    Checkout.CERT_HOST), WebhookRejected.Reason.CERTIFICATE);
        }
    }

    @Test
    void theCertificateIsFetchedOnceAndCached() {
        deliver(signed(capture("WH-1", "CAP-1", "25.00", "1.03")));
        deliver(signed(capture("WH-2", "CAP-2", "25.00", "1.03")));
        assertThat(emulator.requests()).filteredOn(request -> request.contains("/v1/notifications/certs")).hasSize(1);
    }

    @Test
    void aReplayOfAnOldDeliveryIsRefused() {
        assertRejected(emulator.checkout().sign(capture("WH-1", "CAP-1", "25.00", "1.03"),
                Instant.now().minus(Duration.ofDays(3)), WebhookSigner.Certificate.VALID, Checkout.CERT_HOST),
                WebhookRejected.Reason.STALE);
    }

    @Test
    void aHugeBodyIsRefusedUnread() {
        String huge = capture("WH-1", "CAP-1", "25.00", "1.03").replace("\"COMPLETED\"",
                "\"COMPLETED\",\"padding\":\"" + "x".repeat(WebhookVerifier.MAX_BODY_BYTES) + "\"");
        assertRejected(signed(huge), WebhookRejected.Reason.TOO_LARGE);
    }

    private void assertRejected(WebhookSigner.Delivery delivery, WebhookRejected.Reason reason) {
        assertThatThrownBy(() -> deliver(delivery)).isInstanceOfSatisfying(WebhookRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    /** Records what the members were told. */
    static final class RecordingMembers implements DuesMembers {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Instant> changedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void paid(String member, Money amount, Instant paidAt, String saleId) {
            calls.add("paid " + member + " " + amount + " " + saleId);
        }

        @Override
        public void paymentFailed(String member, Instant at, String subscriptionId) {
            calls.add("failed " + member + " " + subscriptionId);
        }

        @Override
        public void subscriptionChanged(String member, String subscriptionId, String status, Instant at) {
            calls.add("changed " + member + " " + subscriptionId + " " + status);
            changedAt.add(at);
        }

        @Override
        public void paymentWithdrawn(String saleId, String withdrawalId, Instant at, boolean reversed, Money amount) {
            calls.add("withdrawn " + amount + " of " + saleId + " by " + withdrawalId + (reversed ? " reversed" : " refunded")
                    + " at " + at);
        }
    }
}
