/**
 * A PayPal REST API emulator for tests (OAuth client credentials and Transaction Search so
 * far; subscriptions, orders and webhooks join it with the dues work). Never deployed.
 */
package org.herdbook.paypal.emulator;
