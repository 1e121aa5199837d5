package org.herdbook.finance.paypal.entity;

import java.time.Instant;
import java.util.Objects;
import org.herdbook.finance.money.Money;

/**
 * PayPal's account of one balance-affecting transaction, as an activity download or the
 * Transaction Search API reports it. {@code net} is always {@code gross + fee} (fees are
 * negative when PayPal keeps them).
 *
 * @param transactionId PayPal's transaction id, unique
 * @param occurredAt when it happened
 * @param kind what it is for the books
 * @param typeLabel PayPal's own label, as exported ("Subscription Payment", "Paiement de don" ...)
 * @param status PayPal's status label
 * @param gross the gross amount
 * @param fee the fee, usually negative
 * @param net the effect on the PayPal balance
 * @param referenceTransactionId the transaction this one refers to (a refund's original), or null
 * @param counterparty the other party's name or e-mail address, or null
 */
public record PaypalLine(String transactionId, Instant occurredAt, LineKind kind, String typeLabel, String status,
        Money gross, Money fee, Money net, String referenceTransactionId, String counterparty) {

    public PaypalLine {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(net, "net");
    }
}
