package org.herdbook.reports.figures.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Every figure of one month's public report, exactly (amounts are decimals at the currency's
 * scale, all in {@link #currency()}). It is what a published report freezes and what every
 * rendering (JSON, CSV, HTML, PDF) shows, so they cannot disagree. Sponsorship amounts are not in
 * it at all: only how many sponsorship payments there were. Immutable.
 *
 * @param month the calendar month, in the foundation's time zone
 * @param timeZone the foundation's time zone (IANA id)
 * @param currency the foundation's currency (ISO 4217)
 * @param closed whether the treasurer had closed the month when the figures were taken
 * @param revenue income and fees
 * @param expenses one line per expense, largest first
 * @param expensesByCategory the expenses summed per category, largest first
 * @param expensesTotal all expenses (payment fees are in {@link Revenue#fees()})
 * @param result net revenue minus expenses (sponsorships excluded)
 * @param donations donation statistics
 * @param recurring recurring donors and monthly recurring revenue
 * @param runway balance and runway
 * @param membership members by class and standing at the end of the month
 * @param instance the instance's figures, or null when none were stored for the month
 * @param revenueHistory public revenue of the twelve months ending with this one
 */
public record MonthlyFigures(YearMonth month, String timeZone, String currency, boolean closed, Revenue revenue,
        List<ExpenseLine> expenses, List<CategoryTotal> expensesByCategory, BigDecimal expensesTotal, BigDecimal result,
        Donations donations, Recurring recurring, Runway runway, Membership membership, Instance instance,
        List<MonthAmount> revenueHistory) {

    public MonthlyFigures {
        expenses = List.copyOf(expenses);
        expensesByCategory = List.copyOf(expensesByCategory);
        revenueHistory = List.copyOf(revenueHistory);
    }

    /**
     * @param dues membership dues
     * @param donations donations
     * @param sponsorships how many sponsorship payments (their amount is confidential)
     * @param other other income
     * @param total dues, donations and other income
     * @param fees payment processing fees
     * @param net total minus fees
     */
    public record Revenue(BigDecimal dues, BigDecimal donations, int sponsorships, BigDecimal other, BigDecimal total,
            BigDecimal fees, BigDecimal net) {
    }

    public record ExpenseLine(String category, String categoryEn, String categoryFr, String vendor, String note,
            BigDecimal amount) {
    }

    public record CategoryTotal(String category, String nameEn, String nameFr, BigDecimal amount) {
    }

    /** Count, sum, average (rounded half-even to the currency's scale), largest and smallest; null without donations. */
    public record Donations(int count, BigDecimal total, BigDecimal average, BigDecimal largest, BigDecimal smallest) {
    }

    /** Members paying recurring dues in the month and what those dues bring per month. */
    public record Recurring(int donors, BigDecimal monthlyRevenue) {
    }

    /**
     * @param cashOnHand bank and PayPal at the end of the month
     * @param averageMonthlyExpenses expenses and fees averaged over the month and the two before
     * @param months cash over that average, one decimal rounded down; null without expenses
     * @param targetMonths the target
     * @param meetsTarget whether months reaches the target (true without expenses)
     */
    public record Runway(BigDecimal cashOnHand, BigDecimal averageMonthlyExpenses, BigDecimal months, int targetMonths,
            boolean meetsTarget) {
    }

    /** Members by class and standing on the month's last day; joined and lapsed during the month. */
    public record Membership(List<ClassStanding> counts, int joined, int lapsed) {
        public Membership {
            counts = List.copyOf(counts);
        }
    }

    /** Codes as the API uses them: class {@code general}/{@code project}; standing {@code active}, {@code in-grace}... */
    public record ClassStanding(String memberClass, String standing, long count) {
    }

    /**
     * The instance's month. Users, active users, new users and moderation reports come from the
     * Mastodon admin API or are typed; appeals are always typed (Mastodon has no API for them) and
     * are null until someone does.
     */
    public record Instance(long users, long activeUsers, long newUsers, long reportsOpened, long reportsResolved,
            Long appealsReceived, Long appealsApproved, String source) {
    }

    public record MonthAmount(YearMonth month, BigDecimal amount) {
    }
}
