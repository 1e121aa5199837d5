package org.herdbook.finance.testing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import org.herdbook.finance.policy.FinancePolicy;

/** The foundation of the tests: Canadian dollars, Winnipeg time, CAD 500 threshold, six months. */
public record TestPolicy(Currency currency, ZoneId timeZone, BigDecimal expenseApprovalThreshold, int runwayTargetMonths,
        long invoiceMaxBytes, long importMaxBytes) implements FinancePolicy {

    public static final TestPolicy WINNIPEG = new TestPolicy(Currency.getInstance("CAD"), ZoneId.of("America/Winnipeg"),
            new BigDecimal("500.00"), 6, 2 * 1024 * 1024, 40L * 1024 * 1024);
}
