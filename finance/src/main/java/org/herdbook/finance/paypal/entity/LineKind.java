package org.herdbook.finance.paypal.entity;

/** The kinds of PayPal transaction the books distinguish, whatever PayPal's label and language. */
public enum LineKind {
    SUBSCRIPTION_PAYMENT, DONATION, WEBSITE_PAYMENT, GENERAL_PAYMENT, REFUND, REVERSAL, CURRENCY_CONVERSION,
    WITHDRAWAL, HOLD, RELEASE
}
