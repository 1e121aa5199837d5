package org.herdbook.finance.reconciliation.entity;

/** Where one PayPal line or one ledger entry stands in a month's reconciliation. */
public enum ItemState {
    /** PayPal's line and the ledger's entry agree on net and fee. */
    MATCHED(false),
    /** PayPal reports a transaction the ledger has no live entry for. */
    MISSING_FROM_LEDGER(true),
    /** The ledger moves the PayPal balance with an entry PayPal does not report. */
    MISSING_FROM_PAYPAL(true),
    /** Both exist, but the net amounts differ. */
    AMOUNT_MISMATCH(true),
    /** Both exist, the nets agree, but the fees differ. */
    FEE_MISMATCH(true),
    /** A difference the treasurer explained and accepted. */
    ACCEPTED(false);

    private final boolean open;

    ItemState(boolean open) {
        this.open = open;
    }

    /** Whether this item keeps the month from being closed. */
    public boolean open() {
        return open;
    }
}
