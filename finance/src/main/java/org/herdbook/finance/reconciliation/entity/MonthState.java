package org.herdbook.finance.reconciliation.entity;

/** A month's reconciliation: open items remain, all resolved, or closed for good. */
public enum MonthState {
    OPEN, RECONCILED, CLOSED
}
