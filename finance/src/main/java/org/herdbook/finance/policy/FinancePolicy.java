package org.herdbook.finance.policy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;

/**
 * What the finance module needs to know about the foundation and its rules, provided from
 * outside (governance-web implements it from the foundation's settings and the configuration).
 */
public interface FinancePolicy {

    /** The foundation's currency: reports, runway and the approval threshold are in it. */
    Currency currency();

    /** The foundation's time zone: a transaction belongs to the month of its local date. */
    ZoneId timeZone();

    /** Expenses above this amount (in {@link #currency()}) wait for a second board member. */
    BigDecimal expenseApprovalThreshold();

    /** The runway the foundation aims for, in months. */
    int runwayTargetMonths();

    /** The largest invoice attachment accepted, in bytes. */
    long invoiceMaxBytes();

    /** The largest PayPal activity file accepted, in bytes. */
    long importMaxBytes();
}
