package org.herdbook.finance.ledger.entity;

/** The accounts bookkeeping code relies on, by the {@code purpose} the chart gives them. */
public final class AccountPurpose {
    public static final String BANK = "bank";
    public static final String PAYPAL = "paypal";
    public static final String PAYPAL_HELD = "paypal-held";
    public static final String CONVERSION = "conversion";
    public static final String DUES = "dues";
    public static final String DONATIONS = "donations";
    public static final String SPONSORSHIPS = "sponsorships";
    public static final String OTHER_INCOME = "other-income";
    public static final String OTHER_EXPENSE = "other-expense";
    public static final String FEES = "fees";

    private AccountPurpose() {
    }
}
