package org.herdbook.finance.ledger.entity;

import java.util.Locale;

/** The five kinds of account of double-entry bookkeeping. */
public enum AccountKind {
    ASSET, LIABILITY, EQUITY, INCOME, EXPENSE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
