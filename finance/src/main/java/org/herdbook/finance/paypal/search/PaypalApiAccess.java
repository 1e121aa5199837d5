package org.herdbook.finance.paypal.search;

import java.util.Objects;

/**
 * How to reach PayPal's REST API: the client id and secret of the foundation's app and whether
 * it is the sandbox. Requests go to PayPal's own hosts, through the clients that
 * {@link org.herdbook.finance.paypal.api.PaypalHttp} builds.
 *
 * @param clientId the REST app's client id
 * @param clientSecret its secret (from the environment, never stored)
 * @param sandbox whether to use PayPal's sandbox rather than the live API
 */
public record PaypalApiAccess(String clientId, String clientSecret, boolean sandbox) {

    public PaypalApiAccess {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "PaypalApiAccess[clientId=" + clientId + ", sandbox=" + sandbox + "]";
    }
}
