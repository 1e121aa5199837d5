/**
 * A PayPal REST API emulator for tests: OAuth client credentials, Transaction Search, Orders v2
 * (create, simulated approval, capture with {@code seller_receivable_breakdown}), refunds,
 * catalog products, billing plans and subscriptions, webhooks signed with the emulator's own
 * test certificate authority, injected faults (5xx, stalled answers) to test retries, and
 * {@link org.herdbook.paypal.emulator.EmulatorRoute}, the OkHttp interceptor that leads requests
 * for PayPal's hosts to an emulator.
 * Never deployed.
 */
package org.herdbook.paypal.emulator;
