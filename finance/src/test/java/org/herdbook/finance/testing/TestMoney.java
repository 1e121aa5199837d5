package org.herdbook.finance.testing;

import org.herdbook.finance.money.Money;

/** Named amounts for readable tests. */
public final class TestMoney {
    public static final Money CAD_10 = Money.parse("CAD 10.00");
    public static final Money CAD_25 = Money.parse("CAD 25.00");
    public static final Money CAD_100 = Money.parse("CAD 100.00");
    public static final Money USD_10 = Money.parse("USD 10.00");

    private TestMoney() {
    }
}
