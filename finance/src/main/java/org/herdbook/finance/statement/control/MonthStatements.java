package org.herdbook.finance.statement.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.ledger.entity.AccountPurpose;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.statement.entity.MonthStatement;
import org.herdbook.finance.statement.entity.MonthStatement.ExpenseLine;
import org.herdbook.finance.statement.entity.MonthStatement.MonthRevenue;

/**
 * Reads a {@link MonthStatement} from the ledger: a handful of grouped queries over the month's
 * postings (indexed by account and date), so a month of 100,000 postings is read in one pass each.
 */
@ApplicationScoped
public class MonthStatements {

    static final int RUNWAY_MONTHS = 3;
    static final int HISTORY_MONTHS = 12;

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    FinancePolicy policy;

    protected MonthStatements() {
    }

    public MonthStatements(DataSource dataSource, FinancePolicy policy) {
        this.dataSource = dataSource;
        this.policy = policy;
    }

    public MonthStatement of(YearMonth month) {
        Currency currency = policy.currency();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Money> income = new LinkedHashMap<>();
            Money fees = Money.zero(currency);
            try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(a.purpose, ''), a.kind,"
                    + " sum(p.amount) FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE p.entry_date BETWEEN ? AND ? AND p.currency = ? AND (a.kind = 'income' OR a.purpose = ?)"
                    + " GROUP BY 1, 2")) {
                select.setObject(1, first);
                select.setObject(2, last);
                select.setString(3, currency.getCurrencyCode());
                select.setString(4, AccountPurpose.FEES);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Money amount = Money.of(rows.getBigDecimal(3), currency);
                        if (AccountPurpose.FEES.equals(rows.getString(1))) {
                            fees = amount;
                        } else {
                            String key = switch (rows.getString(1)) {
                                case AccountPurpose.DUES, AccountPurpose.DONATIONS, AccountPurpose.SPONSORSHIPS ->
                                        rows.getString(1);
                                default -> AccountPurpose.OTHER_INCOME;
                            };
                            // Income is credited: negative postings; the statement shows it positive.
                            income.merge(key, amount.negate(), Money::plus);
                        }
                    }
                }
            }
            Money zero = Money.zero(currency);
            int sponsorships = (int) count(connection, "SELECT count(*) FROM (SELECT p.entry_id"
                    + " FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE a.purpose = ? AND p.entry_date BETWEEN ? AND ? GROUP BY p.entry_id HAVING sum(p.amount) < 0) s",
                    AccountPurpose.SPONSORSHIPS, first, last);
            List<Money> donations = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT -sum(p.amount)"
                    + " FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE a.purpose = ? AND p.currency = ? AND p.entry_date BETWEEN ? AND ?"
                    + " GROUP BY p.entry_id HAVING sum(p.amount) < 0 ORDER BY 1 DESC")) {
                select.setString(1, AccountPurpose.DONATIONS);
                select.setString(2, currency.getCurrencyCode());
                select.setObject(3, first);
                select.setObject(4, last);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        donations.add(Money.of(rows.getBigDecimal(1), currency));
                    }
                }
            }
            List<ExpenseLine> expenses = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT a.code, a.name_en, a.name_fr,"
                    + " x.vendor, coalesce(x.note, e.description), p.amount"
                    + " FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                    + " JOIN finance.journal_entry e ON e.id = p.entry_id"
                    + " LEFT JOIN finance.expense x ON x.entry_id = p.entry_id"
                    + " WHERE a.kind = 'expense' AND a.purpose IS DISTINCT FROM ? AND p.currency = ?"
                    + " AND p.entry_date BETWEEN ? AND ? ORDER BY p.amount DESC, a.code, p.id")) {
                select.setString(1, AccountPurpose.FEES);
                select.setString(2, currency.getCurrencyCode());
                select.setObject(3, first);
                select.setObject(4, last);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        expenses.add(new ExpenseLine(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), Money.of(rows.getBigDecimal(6), currency)));
                    }
                }
            }
            Money cash = sum(connection, "SELECT coalesce(sum(p.amount), 0) FROM finance.posting p"
                    + " JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE a.kind = 'asset' AND p.currency = ? AND p.entry_date <= ?", currency, last);
            Money spent = sum(connection, "SELECT coalesce(sum(p.amount), 0) FROM finance.posting p"
                    + " JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE a.kind = 'expense' AND p.currency = ? AND p.entry_date BETWEEN ? AND ?", currency,
                    month.minusMonths(RUNWAY_MONTHS - 1L).atDay(1), last);
            Money average = Money.ofRounded(spent.getAmount().divide(BigDecimal.valueOf(RUNWAY_MONTHS), 10,
                    RoundingMode.HALF_EVEN), currency, RoundingMode.HALF_EVEN);
            BigDecimal runway = average.isPositive()
                    ? cash.getAmount().divide(average.getAmount(), 1, RoundingMode.DOWN) : null;
            List<MonthRevenue> history = history(connection, month, currency);
            boolean closed = count(connection, "SELECT count(*) FROM finance.closed_month WHERE month = ?", first) > 0;
            return new MonthStatement(month, closed, income.getOrDefault(AccountPurpose.DUES, zero),
                    income.getOrDefault(AccountPurpose.DONATIONS, zero),
                    income.getOrDefault(AccountPurpose.OTHER_INCOME, zero), sponsorships, fees, expenses, donations,
                    cash, average, runway, policy.runwayTargetMonths(), history);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private List<MonthRevenue> history(Connection connection, YearMonth month, Currency currency) throws SQLException {
        YearMonth from = month.minusMonths(HISTORY_MONTHS - 1L);
        Map<YearMonth, Money> byMonth = new LinkedHashMap<>();
        for (YearMonth each = from; !each.isAfter(month); each = each.plusMonths(1)) {
            byMonth.put(each, Money.zero(currency));
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT date_trunc('month', p.entry_date)::date,"
                + " -sum(p.amount) FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                + " WHERE a.kind = 'income' AND a.purpose IS DISTINCT FROM ? AND p.currency = ?"
                + " AND p.entry_date BETWEEN ? AND ? GROUP BY 1")) {
            select.setString(1, AccountPurpose.SPONSORSHIPS);
            select.setString(2, currency.getCurrencyCode());
            select.setObject(3, from.atDay(1));
            select.setObject(4, month.atEndOfMonth());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byMonth.put(YearMonth.from(rows.getObject(1, LocalDate.class)), Money.of(rows.getBigDecimal(2), currency));
                }
            }
        }
        return byMonth.entrySet().stream().map(entry -> new MonthRevenue(entry.getKey(), entry.getValue())).toList();
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Money sum(Connection connection, String sql, Currency currency, Object... dates) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, currency.getCurrencyCode());
            for (int i = 0; i < dates.length; i++) {
                select.setObject(i + 2, dates[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return Money.of(rows.getBigDecimal(1), currency);
            }
        }
    }
}
