package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.herdbook.finance.paypal.webhook.control.TrustAnchors;
import org.herdbook.finance.paypal.webhook.control.WebhookEvents;
import org.herdbook.finance.paypal.webhook.control.WebhookRejected;
import org.herdbook.finance.paypal.webhook.control.WebhookVerifier;

/**
 * The foundation's PayPal webhook: one verifier (and so one certificate cache) for the server,
 * built from the configuration on first use.
 */
@ApplicationScoped
public class PaypalWebhooks {

    private static final Logger LOG = Logger.getLogger(PaypalWebhooks.class.getName());

    @Inject
    PaypalConfiguration configuration;
    @Inject
    WebhookEvents events;

    private volatile Optional<WebhookVerifier> verifier;

    /**
     * Verifies a delivery.
     *
     * @throws WebhookRejected when it is not PayPal's, or no webhook is configured ({@code NOT_CONFIGURED})
     */
    public WebhookVerifier.Transmission verify(WebhookVerifier.HeaderLookup headers, byte[] body) {
        return verifier().orElseThrow(() -> new WebhookRejected(WebhookRejected.Reason.NOT_CONFIGURED, ""))
                .verify(headers, body);
    }

    /** Stores and applies a verified event, all or nothing. */
    @Transactional
    public WebhookEvents.Outcome receive(byte[] body, WebhookVerifier.Transmission transmission) {
        return events.receive(body, transmission);
    }

    private Optional<WebhookVerifier> verifier() {
        Optional<WebhookVerifier> built = verifier;
        if (built == null) {
            synchronized (this) {
                built = verifier;
                if (built == null) {
                    built = configuration.webhookSettings().map(settings -> new WebhookVerifier(settings,
                            configuration.webhookTrustAnchors().map(TrustAnchors::file).orElseGet(TrustAnchors::jdk),
                            Clock.systemUTC()));
                    if (built.isEmpty()) {
                        LOG.warning("HERDBOOK_PAYPAL_WEBHOOK_ID is not set: PayPal webhook deliveries are refused");
                    }
                    verifier = built;
                }
            }
        }
        return built;
    }
}
