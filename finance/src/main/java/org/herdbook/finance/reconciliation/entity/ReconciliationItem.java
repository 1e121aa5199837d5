package org.herdbook.finance.reconciliation.entity;

import java.time.LocalDate;
import java.util.UUID;
import org.herdbook.finance.money.Money;

/**
 * One line of a month's reconciliation: a PayPal transaction, a ledger entry, or both.
 *
 * @param key stable name of the item: {@code line:<transaction id>} or {@code entry:<entry id>}
 * @param state where it stands
 * @param transactionId the PayPal transaction, or null for an entry PayPal does not know
 * @param entryId the live ledger entry, or null
 * @param date the day it counts on
 * @param description PayPal's type and counterparty, or the entry's description
 * @param paypalNet the net PayPal reports, or null
 * @param paypalFee the fee PayPal reports, or null
 * @param ledgerNet what the entry moves on the PayPal balance, or null
 * @param ledgerFee the fee the entry books, or null
 * @param note the treasurer's explanation when accepted, or null
 */
public record ReconciliationItem(String key, ItemState state, String transactionId, UUID entryId, LocalDate date,
        String description, Money paypalNet, Money paypalFee, Money ledgerNet, Money ledgerFee, String note) {

    public String getKey() {
        return key;
    }

    public String getState() {
        return state.name();
    }

    public boolean isOpen() {
        return state.open();
    }

    public String getTransactionId() {
        return transactionId;
    }

    public UUID getEntryId() {
        return entryId;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }

    public Money getPaypalNet() {
        return paypalNet;
    }

    public Money getPaypalFee() {
        return paypalFee;
    }

    public Money getLedgerNet() {
        return ledgerNet;
    }

    public Money getLedgerFee() {
        return ledgerFee;
    }

    public String getNote() {
        return note;
    }
}
