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

    /** A monthly payment failed or the subscription was suspended: the member is late. */
    void paymentFailed(String member, Instant at, String subscriptionId);

    /** The subscription changed: {@code status} is PayPal's (ACTIVE, CANCELLED, SUSPENDED, EXPIRED). */
    void subscriptionChanged(String member, String subscriptionId, String status, Instant at);
}
