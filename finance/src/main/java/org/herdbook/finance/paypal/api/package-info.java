/**
 * PayPal's REST API through the official server SDK (plus direct calls for catalog products and
 * subscription status, which the SDK lacks): requests that create something carry a
 * {@code PayPal-Request-Id} and are retried with the same id after a timeout or a 5xx.
 */
package org.herdbook.finance.paypal.api;
