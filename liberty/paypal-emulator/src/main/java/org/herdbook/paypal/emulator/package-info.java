/**
 * A PayPal REST API emulator for tests: OAuth client credentials, Transaction Search, Orders v2
 * (create, simulated approval, capture with {@code seller_receivable_breakdown}), refunds,
 * catalog products, billing plans and subscriptions, webhooks signed with the emulator's own
 * test certificate authority, and injected faults (5xx, stalled answers) to test retries.
 * Never deployed.
 */
package org.herdbook.paypal.emulator;
