package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.finance.paypal.search.PaypalApiAccess;

/**
 * PayPal REST credentials from the environment only: {@code HERDBOOK_PAYPAL_CLIENT_ID},
 * {@code HERDBOOK_PAYPAL_CLIENT_SECRET}, {@code HERDBOOK_PAYPAL_ENVIRONMENT} ({@code sandbox} or
 * {@code live}) and, for tests against an emulator, {@code HERDBOOK_PAYPAL_BASE_URL}.
 */
@ApplicationScoped
public class PaypalConfiguration {

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
    @ConfigProperty(name = "herdbook.paypal.base-url")
    Optional<String> baseUrl;

    /** How to reach PayPal, or empty when no credentials are configured. */
    public Optional<PaypalApiAccess> access() {
        if (clientId.filter(id -> !id.isBlank()).isEmpty() || clientSecret.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PaypalApiAccess(clientId.get(), clientSecret.get(), !"live".equalsIgnoreCase(environment),
                baseUrl.filter(url -> !url.isBlank()).map(URI::create).orElse(null)));
    }
}
