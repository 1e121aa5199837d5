package org.herdbook.finance.dues.entity;

import org.herdbook.finance.money.Money;

/** A monthly dues tier as created at PayPal: its plan id, the catalog product, its name and price. */
public record DuesPlan(String planId, String productId, String tier, int position, Money monthly) {
}
