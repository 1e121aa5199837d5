package org.herdbook.finance.donation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.api.PaypalClient;
import org.herdbook.finance.paypal.search.PaypalApiAccess;
import org.herdbook.finance.paypal.webhook.control.DuesMembers;
import org.herdbook.finance.paypal.webhook.control.TrustAnchors;
import org.herdbook.finance.paypal.webhook.control.WebhookEvents;
import org.herdbook.finance.paypal.webhook.control.WebhookSettings;
import org.herdbook.finance.paypal.webhook.control.WebhookVerifier;
import org.herdbook.finance.testing.Books;
import org.herdbook.paypal.emulator.Checkout;
import org.herdbook.paypal.emulator.EmulatorRoute;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.herdbook.paypal.emulator.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Donations through the PayPal SDK against the emulator, booked once whichever way the capture arrives. */
class DonationsTest {

    private static final Money CAD_40 = Money.parse("CAD 40.00");
    private static final URI RETURN = URI.create("http://localhost/donation-return.xhtml");
    private static final URI CANCEL = URI.create("http://localhost/donate.xhtml");

    private final PaypalEmulator emulator;
    private final Books books = new Books();
    private final Donations donations;
    private final WebhookEvents webhooks;
    private final WebhookVerifier verifier;
    private final java.util.List<java.util.UUID> thanked = new java.util.concurrent.CopyOnWriteArrayList<>();

    DonationsTest() throws Exception {
        emulator = PaypalEmulator.start(0, "client-id", "client-secret");
        PaypalClient client = new PaypalClient(new PaypalApiAccess("client-id", "client-secret", true),
                Duration.ofSeconds(2), List.of(new EmulatorRoute(emulator.baseUrl())));
        donations = new Donations(books.database, books.paypal, () -> Optional.of(client));
        webhooks = new WebhookEvents(books.database, books.paypal, new NoMembers(), donations, thanked::add);
        emulator.checkout().deliverWebhooksTo(URI.create("http://localhost:1/unused"), "WH-DONATIONS");
        var anchors = TrustAnchors.of(new ByteArrayInputStream(
                emulator.checkout().signer().authorityPem().getBytes(StandardCharsets.US_ASCII)));
        verifier = new WebhookVerifier(new WebhookSettings("WH-DONATIONS", true, Duration.ofMinutes(5)),
                () -> anchors, Clock.systemUTC(), List.of(new EmulatorRoute(emulator.baseUrl())));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Donations.Started start() {
        return books.database.inTransaction(() -> donations.start(CAD_40, "  Ada  ", "Merci !", "fr", RETURN, CANCEL));
    }

    private Donation capture(String orderId) {
        return books.database.inTransaction(() -> donations.capture(orderId));
    }

    private void deliverCaptureWebhook() {
        WebhookSigner.Delivery delivery = emulator.checkout().sign(emulator.checkout().lastEvent("PAYMENT.CAPTURE.COMPLETED"),
                Instant.now(), WebhookSigner.Certificate.VALID, Checkout.CERT_HOST);
        Map<String, String> headers = new HashMap<>();
        delivery.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        WebhookVerifier.Transmission transmission = verifier.verify(name -> headers.get(name.toLowerCase(Locale.ROOT)),
                delivery.body());
        books.database.inTransaction(() -> webhooks.receive(delivery.body(), transmission));
    }

    @Test
    void aDonationIsCreatedApprovedAndCapturedWithPaypalsFee() {
        Donations.Started started = start();
        assertThat(started.approvalUrl().toString()).startsWith(emulator.baseUrl() + "/checkoutnow?token=" + started.orderId());
        assertThat(emulator.requests()).anyMatch(request -> request.startsWith("POST /v2/checkout/orders"));
        emulator.checkout().approve(started.orderId());

        Donation donation = capture(started.orderId());

        assertThat(donation.donorName()).isEqualTo("Ada");
        assertThat(donation.language()).isEqualTo("fr");
        Donation.Capture capture = donation.capture().orElseThrow();
        assertThat(capture.fee()).as("2.9% + 0.30 of 40.00").isEqualTo(Money.parse("CAD 1.46"));
        assertThat(capture.payerEmail()).isEqualTo("payer@example.org");
        assertThat(books.ledger.entriesForPaypalTransaction(capture.captureId())).singleElement()
                .satisfies(entry -> assertThat(entry.postings()).containsExactlyInAnyOrder(
                        new Posting("1010", Money.parse("CAD 38.54")), new Posting("6000", Money.parse("CAD 1.46")),
                        new Posting("4100", Money.parse("CAD -40.00"))));
    }

    @Test
    void theReturnPageThenTheWebhookGiveOneEntry() {
        Donations.Started started = start();
        emulator.checkout().approve(started.orderId());
        String captureId = capture(started.orderId()).capture().orElseThrow().captureId();
        deliverCaptureWebhook();
        capture(started.orderId());

        assertThat(books.ledger.entriesForPaypalTransaction(captureId)).hasSize(1);
        assertThat(emulator.checkout().captureCount()).isEqualTo(1);
    }

    @Test
    void theWebhookThenTheReturnPageGiveOneEntry() {
        Donations.Started started = start();
        emulator.checkout().approve(started.orderId());
        // The capture happens at PayPal (say, from another tab) and its webhook arrives first.
        emulator.checkout().fault("POST /v2/checkout/orders/" + started.orderId() + "/capture", 3, 503, Duration.ZERO);
        assertThatThrownBy(() -> capture(started.orderId())).isInstanceOf(Refusal.class);
        deliverCaptureWebhook();
        String captureId = emulator.checkout().captureOf(started.orderId());
        assertThat(donations.byOrder(started.orderId()).orElseThrow().capture()).as("the webhook recorded it")
                .hasValueSatisfying(capture -> assertThat(capture.captureId()).isEqualTo(captureId));
        assertThat(thanked).as("the donor may be thanked from the webhook").containsExactly(started.donationId());
        Donation recorded = donations.byOrder(started.orderId()).orElseThrow();
        assertThat(recorded.capture().orElseThrow().payerEmail()).as("a capture event does not name its payer").isNull();
        assertThat(recorded.language()).as("kept since the donation was created").isEqualTo("fr");
        assertThat(donations.payerEmail(recorded)).as("the order does").contains("payer@example.org");

        Donation donation = capture(started.orderId());

        assertThat(donation.capture().orElseThrow().captureId()).isEqualTo(captureId);
        assertThat(books.ledger.entriesForPaypalTransaction(captureId)).hasSize(1);
        assertThat(emulator.checkout().captureCount()).isEqualTo(1);
    }

    @Test
    void timeoutsAnd5xxAreRetriedWithTheSameRequestIdAndNeverChargeTwice() {
        // PayPal creates the order but the answer is lost twice (a 500, then a timeout).
        emulator.checkout().fault("POST /v2/checkout/orders", 1, 500, Duration.ZERO);
        emulator.checkout().fault("POST /v2/checkout/orders", 1, 0, Duration.ofSeconds(4));
        Donations.Started started = start();
        assertThat(emulator.checkout().orderCount()).as("one order for three attempts").isEqualTo(1);
        emulator.checkout().approve(started.orderId());

        emulator.checkout().fault("POST /v2/checkout/orders/" + started.orderId() + "/capture", 1, 0, Duration.ofSeconds(4));
        Donation donation = capture(started.orderId());

        assertThat(emulator.checkout().captureCount()).isEqualTo(1);
        assertThat(books.ledger.entriesForPaypalTransaction(donation.capture().orElseThrow().captureId())).hasSize(1);
        assertThat(emulator.requests()).filteredOn(request -> request.startsWith("POST /v2/checkout/orders/"))
                .hasSize(2);
    }

    @Test
    void anOrderNotApprovedIsNotCapturedAndBadInputIsRefused() throws Exception {
        Donations.Started started = start();
        assertThatThrownBy(() -> capture(started.orderId())).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.donation.notApproved"));
        assertThatThrownBy(() -> capture("NO-SUCH-ORDER")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.donation.unknown"));
        long before = books.database.count("SELECT count(*) FROM finance.donation");
        for (Money amount : new Money[] {Money.parse("CAD 0.00"), Money.parse("CAD -5.00"), Money.parse("CAD 100000.01")}) {
            assertThatThrownBy(() -> books.database.inTransaction(() -> donations.start(amount, null, null, "en", RETURN,
                    CANCEL))).isInstanceOfSatisfying(Refusal.class,
                            refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.donation.amount"));
        }
        assertThatThrownBy(() -> books.database.inTransaction(() -> donations.start(CAD_40, "x".repeat(101), null, "en",
                RETURN, CANCEL))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> books.database.inTransaction(() -> donations.start(CAD_40, null, null, "de", RETURN,
                CANCEL))).isInstanceOf(Refusal.class);
        assertThat(books.database.count("SELECT count(*) FROM finance.donation")).isEqualTo(before);
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
    }

    @Test
    void theThankYouIsClaimedOnce() {
        Donations.Started started = start();
        assertThat(books.database.inTransaction(() -> donations.claimThanks(started.donationId()))).isTrue();
        assertThat(books.database.inTransaction(() -> donations.claimThanks(started.donationId()))).isFalse();
    }

    /** Donations tell the members nothing. */
    static final class NoMembers implements DuesMembers {
        @Override
        public void paid(String member, Money amount, Instant paidAt, String saleId) {
            throw new AssertionError("no dues here");
        }

        @Override
        public void paymentFailed(String member, Instant at, String subscriptionId) {
            throw new AssertionError("no dues here");
        }

        @Override
        public void subscriptionChanged(String member, String subscriptionId, String status, Instant at) {
            throw new AssertionError("no dues here");
        }

        @Override
        public void paymentWithdrawn(String saleId, String withdrawalId, Instant at, boolean reversed, Money amount) {
            throw new AssertionError("no dues here");
        }
    }
}
