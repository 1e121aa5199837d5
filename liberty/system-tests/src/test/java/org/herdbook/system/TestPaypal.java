package org.herdbook.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.herdbook.paypal.emulator.PaypalEmulator;

/**
 * The PayPal emulator as the test server knows it: on the port and with the credentials the
 * server is configured with, delivering webhooks to the server's endpoint with the server's
 * webhook id, and its test authority written where the server reads its trust anchors.
 */
public final class TestPaypal {

    public static final String WEBHOOK_ID = System.getProperty("herdbook.it.paypal.webhook-id", "WH-HERDBOOK-IT-7UX29483");

    private TestPaypal() {
    }

    public static PaypalEmulator start() throws IOException {
        PaypalEmulator emulator = PaypalEmulator.start(Integer.getInteger("herdbook.it.paypal.port", 9182),
                "herdbook-it-client", "herdbook-it-emulator-only");
        emulator.checkout().deliverWebhooksTo(URI.create(TestServer.url("/api/paypal/webhooks")), WEBHOOK_ID);
        Path anchors = Path.of(System.getProperty("herdbook.it.paypal.trust-anchors", "target/it-paypal-webhook-ca.pem"));
        String pem = emulator.checkout().signer().authorityPem();
        if (!Files.exists(anchors) || !Files.readString(anchors, StandardCharsets.US_ASCII).equals(pem)) {
            Files.writeString(anchors, pem, StandardCharsets.US_ASCII);
        }
        return emulator;
    }
}
