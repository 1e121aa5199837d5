package org.herdbook.finance.statement.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.herdbook.finance.money.Money;

/**
 * The ledger's account of one month, in the foundation's currency. Income and expense amounts
 * are positive; refunds lower them. Immutable.
 *
 * @param month the month
 * @param closed whether the treasurer has closed the month (its figures can no longer change)
 * @param dues membership dues received
 * @param donations donations received
 * @param otherIncome income on every income account other than dues, donations and sponsorships
 * @param sponsorshipPayments how many entries credited the sponsorships account (their amount is confidential)
 * @param fees payment processing fees
 * @param expenses one line per expense posting (fees excepted), largest first
 * @param donationAmounts each donation entry's net credit to donations, for count, average and extremes
 * @param cashOnHand bank and PayPal balances at the end of the month
 * @param averageMonthlyExpenses expenses (fees included) averaged over this month and the two before
 * @param runwayMonths cash on hand over that average, one decimal rounded down; null without expenses
 * @param runwayTargetMonths the foundation's target
 * @param publicRevenueHistory dues, donations and other income of the twelve months ending with this one
 */
public record MonthStatement(YearMonth month, boolean closed, Money dues, Money donations, Money otherIncome,
        int sponsorshipPayments, Money fees, List<ExpenseLine> expenses, List<Money> donationAmounts, Money cashOnHand,
        Money averageMonthlyExpenses, BigDecimal runwayMonths, int runwayTargetMonths,
        List<MonthRevenue> publicRevenueHistory) {

    public MonthStatement {
        expenses = List.copyOf(expenses);
        donationAmounts = List.copyOf(donationAmounts);
        publicRevenueHistory = List.copyOf(publicRevenueHistory);
    }

    /**
     * One expense posting.
     *
     * @param accountCode the expense account (its category)
     * @param categoryEn the account's English name
     * @param categoryFr its French name
     * @param vendor the vendor of the recorded expense, or null for an entry booked without one
     * @param note the expense's note, or the entry's description
     * @param amount the amount (positive; a refund is negative)
     */
    public record ExpenseLine(String accountCode, String categoryEn, String categoryFr, String vendor, String note,
            Money amount) {
    }

    /** Dues, donations and other income of one month (sponsorships excluded, as everywhere in public). */
    public record MonthRevenue(YearMonth month, Money amount) {
    }
}
