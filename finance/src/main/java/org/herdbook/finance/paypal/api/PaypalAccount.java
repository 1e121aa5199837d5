package org.herdbook.finance.paypal.api;

import java.util.Optional;

/**
 * The foundation's PayPal REST app, as configured outside the finance module (governance-web
 * reads it from the environment): empty when no credentials are configured.
 */
public interface PaypalAccount {

    Optional<PaypalClient> client();
}
