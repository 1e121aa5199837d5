/**
 * PayPal webhooks: a delivery is verified (PayPal's signature over transmission id, time,
 * webhook id and the body's CRC32, by a certificate from an allow-listed PayPal host that
 * chains to a trust anchor), refused when stale (a replay), stored raw once per event id, and
 * applied once: payments, refunds and reversals go through the same booking as PayPal's
 * activity files (one entry per PayPal transaction id, whichever way it arrives), subscription
 * events go to the members (see {@link org.herdbook.finance.paypal.webhook.control.DuesMembers}).
 * The stored events are append-only; unknown event types are stored and ignored.
 */
package org.herdbook.finance.paypal.webhook;
