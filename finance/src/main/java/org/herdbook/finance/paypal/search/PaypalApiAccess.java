package org.herdbook.finance.paypal.search;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach PayPal's REST API: the client id and secret of the foundation's app, whether it
 * is the sandbox, and, for tests, another address to send every request to (an emulator).
 *
 * @param clientId the REST app's client id
 * @param clientSecret its secret (from the environment, never stored)
 * @param sandbox whether to use PayPal's sandbox rather than the live API
 * @param baseUrlOverride another scheme, host and port for every request, or null for PayPal's own
 */
public record PaypalApiAccess(String clientId, String clientSecret, boolean sandbox, URI baseUrlOverride) {

    public PaypalApiAccess {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "PaypalApiAccess[clientId=" + clientId + ", sandbox=" + sandbox + ", baseUrlOverride=" + baseUrlOverride + "]";
    }
}
