package org.herdbook.finance.ledger.entity;

import java.util.Locale;

/**
 * An account of the chart of accounts, named in English and French.
 *
 * @param code the account's number, such as {@code 1010}, never reused
 * @param kind asset, liability, equity, income or expense
 * @param purpose what bookkeeping relies on the account for ({@code paypal}, {@code fees} ...), or null
 * @param nameEn the English name
 * @param nameFr the French name
 * @param active whether new postings may use it
 */
public record LedgerAccount(String code, AccountKind kind, String purpose, String nameEn, String nameFr,
        boolean active) {

    /** The name in the language of {@code locale} (French for any French locale, English otherwise). */
    public String name(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? nameFr : nameEn;
    }

    public String getCode() {
        return code;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getNameFr() {
        return nameFr;
    }

    public String getKind() {
        return kind.code();
    }
}
