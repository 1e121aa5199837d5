package org.herdbook.finance.paypal.webhook.control;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhook deliveries are checked.
 *
 * @param webhookId the id PayPal gave the foundation's webhook registration (it is part of what PayPal signs)
 * @param sandbox whether the foundation uses PayPal's sandbox (certificates from the sandbox API hosts) or live
 * @param window how far a transmission time may be from now; older deliveries are replays
 */
public record WebhookSettings(String webhookId, boolean sandbox, Duration window) {

    public WebhookSettings {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(window, "window");
    }
}
