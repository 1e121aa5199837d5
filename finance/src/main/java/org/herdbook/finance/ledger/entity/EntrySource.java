package org.herdbook.finance.ledger.entity;

import java.util.Locale;

/** Where a journal entry came from. */
public enum EntrySource {
    MANUAL, PAYPAL, EXPENSE, REVERSAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntrySource ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
