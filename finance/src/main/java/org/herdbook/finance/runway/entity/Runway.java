package org.herdbook.finance.runway.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.herdbook.finance.money.Money;

/**
 * How long the foundation could go on paying its way without new income.
 *
 * @param cashOnHand bank and PayPal balances (held funds included) in the foundation's currency
 * @param monthlyExpenses average expenses (fees included) over the trailing three full months
 * @param months cash on hand divided by monthly expenses, one decimal; null without expenses
 * @param targetMonths the target
 * @param meetsTarget whether months reaches the target (true without expenses)
 * @param trailingMonths the months averaged
 * @param otherCurrencies cash held in other currencies, not counted (converting it is a booking of its own)
 */
public record Runway(Money cashOnHand, Money monthlyExpenses, BigDecimal months, int targetMonths, boolean meetsTarget,
        List<YearMonth> trailingMonths, List<Money> otherCurrencies) {

    public Runway {
        trailingMonths = List.copyOf(trailingMonths);
        otherCurrencies = List.copyOf(otherCurrencies);
    }
}
