package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.finance.paypal.api.PaypalAccount;
import org.herdbook.finance.paypal.api.PaypalClient;
import org.herdbook.finance.paypal.search.PaypalApiAccess;
import org.herdbook.finance.paypal.webhook.control.WebhookSettings;

/**
 * PayPal REST credentials from the environment only: {@code HERDBOOK_PAYPAL_CLIENT_ID},
 * {@code HERDBOOK_PAYPAL_CLIENT_SECRET}, {@code HERDBOOK_PAYPAL_ENVIRONMENT} ({@code sandbox} or
 * {@code live}); for webhooks, {@code HERDBOOK_PAYPAL_WEBHOOK_ID}, {@code HERDBOOK_PAYPAL_WEBHOOK_TRUST_ANCHORS} (a
 * PEM file; the JDK's trust store without it) and {@code HERDBOOK_PAYPAL_WEBHOOK_WINDOW}; and
 * {@code HERDBOOK_PAYPAL_TIMEOUT}, how long one API call may take before it is retried. Requests
 * always go to PayPal's own hosts; interceptors registered through {@code ServiceLoader} (see
 * {@link org.herdbook.finance.paypal.api.PaypalHttp}) are the only way to change that.
 */
@ApplicationScoped
public class PaypalConfiguration implements PaypalAccount {

    @Inject
    @ConfigProperty(name = "herdbook.paypal.client-id")
    Optional<String> clientId;
    @Inject
    @ConfigProperty(name = "herdbook.paypal.client-secret")
    Optional<String> clientSecret;
    @Inject
    @ConfigProperty(name = "herdbook.paypal.environment", defaultValue = "sandbox")
    String environment;

    @Inject
    @ConfigProperty(name = "herdbook.paypal.webhook-id")
    Optional<String> webhookId;
    @Inject
    @ConfigProperty(name = "herdbook.paypal.webhook-trust-anchors")
    Optional<String> webhookTrustAnchors;
    @Inject
    @ConfigProperty(name = "herdbook.paypal.webhook-window", defaultValue = "PT15M")
    String webhookWindow;

    @Inject
    @ConfigProperty(name = "herdbook.paypal.timeout", defaultValue = "PT20S")
    String timeout;

    private volatile PaypalClient client;

    /** The API client (one for the server: it keeps PayPal's access token), when credentials are configured. */
    @Override
    public Optional<PaypalClient> client() {
        PaypalClient built = client;
        if (built == null) {
            Optional<PaypalApiAccess> configured = access();
            if (configured.isEmpty()) {
                return Optional.empty();
            }
            synchronized (this) {
                if (client == null) {
                    client = new PaypalClient(configured.get(), Duration.parse(timeout));
                }
                built = client;
            }
        }
        return Optional.of(built);
    }

    /** How webhook deliveries are checked, or empty when no webhook id is configured. */
    public Optional<WebhookSettings> webhookSettings() {
        return webhookId.filter(id -> !id.isBlank()).map(id -> new WebhookSettings(id.strip(),
                !"live".equalsIgnoreCase(environment), Duration.parse(webhookWindow)));
    }

    /** The PEM file of webhook trust anchors, or empty for the JDK's trust store. */
    public Optional<Path> webhookTrustAnchors() {
        return webhookTrustAnchors.filter(file -> !file.isBlank()).map(Path::of);
    }

    /** How to reach PayPal, or empty when no credentials are configured. */
    public Optional<PaypalApiAccess> access() {
        if (clientId.filter(id -> !id.isBlank()).isEmpty() || clientSecret.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PaypalApiAccess(clientId.get(), clientSecret.get(), !"live".equalsIgnoreCase(environment)));
    }
}
