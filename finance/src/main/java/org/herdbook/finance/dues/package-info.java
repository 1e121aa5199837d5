/**
 * Membership dues through PayPal subscriptions: the foundation's dues product and monthly plans
 * (tiers in the foundation's currency) are created at PayPal once; a member starts a
 * subscription (its {@code custom_id} is the member's account id, so PayPal's payments map back)
 * and approves it at PayPal; its status is always read from PayPal, never trusted from a return
 * address. Payments reach the member's standing and the books through the webhook component.
 */
package org.herdbook.finance.dues;
