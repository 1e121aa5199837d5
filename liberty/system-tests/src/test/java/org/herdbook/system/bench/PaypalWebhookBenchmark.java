package org.herdbook.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.herdbook.paypal.emulator.Checkout;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.herdbook.paypal.emulator.WebhookSigner;
import org.herdbook.system.TestPaypal;
import org.herdbook.system.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Verified PayPal webhook deliveries per second through the real endpoint: each delivery's
 * signature checked against the emulator's certificate (fetched once, then cached), the raw
 * event stored once, and applied. Two mixes: events that are only stored (an unknown type) and
 * donations' captures, each booked as a ledger entry. Runs only with {@code -Pbench}.
 */
class PaypalWebhookBenchmark {

    private static final Logger LOG = Logger.getLogger(PaypalWebhookBenchmark.class.getName());
    private static final int DELIVERIES = Integer.getInteger("bench.webhooks", 4000);
    private static final int CLIENTS = 8;
    private static final double TARGET = 500;

    @Test
    void verifiedDeliveriesPerSecond() throws Exception {
        TestServer.awaitReady(Duration.ofMinutes(3));
        try (PaypalEmulator emulator = TestPaypal.start()) {
            Checkout paypal = emulator.checkout();
            run(paypal, 300, false);
            double stored = run(paypal, DELIVERIES, false);
            double booked = run(paypal, DELIVERIES, true);
            String report = String.format("%n== PayPal webhook benchmark (%d deliveries each, %d concurrent clients) =="
                    + "%nverified and stored (type ignored): %.0f deliveries/s (target > %.0f): %s"
                    + "%nverified, stored and booked (captures): %.0f deliveries/s (target > %.0f): %s%n",
                    DELIVERIES, CLIENTS, stored, TARGET, stored > TARGET ? "met" : "NOT MET", booked, TARGET,
                    booked > TARGET ? "met" : "NOT MET");
            LOG.info(report);
            System.err.println(report);
            assertThat(stored).isPositive();
        }
    }

    /** Signs {@code count} distinct events first, then posts them from {@link #CLIENTS} threads; deliveries per second. */
    private static double run(Checkout paypal, int count, boolean booking) throws Exception {
        List<WebhookSigner.Delivery> deliveries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String event = booking
                    ? "{\"id\":\"WH-" + id + "\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"resource_type\":\"capture\","
                            + "\"resource\":{\"id\":\"BENCH-" + id + "\",\"status\":\"COMPLETED\",\"amount\":{"
                            + "\"currency_code\":\"CAD\",\"value\":\"20.00\"},\"seller_receivable_breakdown\":{\"paypal_fee\":"
                            + "{\"currency_code\":\"CAD\",\"value\":\"0.88\"}}}}"
                    : "{\"id\":\"WH-" + id + "\",\"event_type\":\"CHECKOUT.ORDER.APPROVED\",\"resource_type\":"
                            + "\"checkout-order\",\"resource\":{\"id\":\"BENCH-" + id + "\",\"status\":\"APPROVED\"}}";
            deliveries.add(paypal.sign(event, Instant.now(), WebhookSigner.Certificate.VALID, Checkout.CERT_HOST));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI endpoint = URI.create(TestServer.url("/api/paypal/webhooks"));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long begin = System.nanoTime();
        try {
            List<Future<Integer>> answers = new ArrayList<>(count);
            for (WebhookSigner.Delivery delivery : deliveries) {
                answers.add(clients.submit(() -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
                    delivery.headers().forEach(request::header);
                    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return count / seconds;
    }
}
