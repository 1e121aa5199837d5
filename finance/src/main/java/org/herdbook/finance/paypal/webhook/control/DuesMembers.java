package org.herdbook.finance.paypal.webhook.control;

import java.time.Instant;
import org.herdbook.finance.money.Money;

/**
 * What PayPal's subscription events mean for members, implemented outside the finance module
 * (governance-web moves standing). Called inside the transaction that stores the event, so an
 * event is applied to the books and to the member together, or not at all.
 *
 * <p>{@code member} is the subscription's {@code custom_id} as PayPal reports it: the member's
 * identifier if Herdbook created the subscription, anything at all otherwise (then ignored).
 */
public interface DuesMembers {

    /** A monthly payment arrived (PayPal sale {@code saleId}). */
    void paid(String member, Money amount, Instant paidAt, String saleId);

    /** A monthly payment failed: the member is late. */
    void paymentFailed(String member, Instant at, String subscriptionId);

    /**
     * The subscription changed at {@code at} (the event's time): {@code status} is PayPal's
     * (ACTIVE, CANCELLED, SUSPENDED, EXPIRED). Events may arrive in any order; {@code at} orders them.
     */
    void subscriptionChanged(String member, String subscriptionId, String status, Instant at);

    /**
     * {@code amount} of monthly payment {@code saleId} went back to the payer ({@code reversed}:
     * taken back by the payer's bank; otherwise refunded, possibly in part) by PayPal transaction
     * {@code withdrawalId}. The refund does not name the member, and may arrive before the sale it
     * refunds.
     */
    void paymentWithdrawn(String saleId, String withdrawalId, Instant at, boolean reversed, Money amount);
}
