package org.herdbook.finance.dues.entity;

import java.net.URI;

/**
 * A member's PayPal subscription: its id and plan, and its status as PayPal reports it now
 * ({@code APPROVAL_PENDING}, {@code APPROVED}, {@code ACTIVE}, {@code SUSPENDED}, {@code CANCELLED},
 * {@code EXPIRED}); the approval link while PayPal still waits for the member.
 */
public record DuesSubscription(String subscriptionId, String planId, String status, URI approvalUrl) {
}
