package org.herdbook.finance.runway.control;

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
import java.util.List;
import javax.sql.DataSource;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.runway.entity.Runway;

/**
 * Runway: cash on hand (every asset account: bank, PayPal, PayPal funds on hold) divided by the
 * average monthly expenses of the three full months before {@code asOf}'s month, in the
 * foundation's currency, against the configured target.
 */
@ApplicationScoped
public class RunwayForecast {

    static final int TRAILING_MONTHS = 3;

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    FinancePolicy policy;

    protected RunwayForecast() {
    }

    public RunwayForecast(DataSource dataSource, FinancePolicy policy) {
        this.dataSource = dataSource;
        this.policy = policy;
    }

    public Runway asOf(LocalDate asOf) {
        Currency currency = policy.currency();
        YearMonth current = YearMonth.from(asOf);
        YearMonth first = current.minusMonths(TRAILING_MONTHS);
        List<YearMonth> trailing = new ArrayList<>();
        for (int i = TRAILING_MONTHS; i >= 1; i--) {
            trailing.add(current.minusMonths(i));
        }
        Money cash = Money.zero(currency);
        List<Money> others = new ArrayList<>();
        Money expenses = Money.zero(currency);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT p.currency, sum(p.amount)"
                    + " FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE a.kind = 'asset' AND p.entry_date <= ? GROUP BY p.currency ORDER BY p.currency")) {
                select.setObject(1, asOf);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Currency found = Currency.getInstance(rows.getString(1).strip());
                        Money balance = Money.of(rows.getBigDecimal(2), found);
                        if (found.equals(currency)) {
                            cash = balance;
                        } else if (!balance.isZero()) {
                            others.add(balance);
                        }
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(sum(p.amount), 0)"
                    + " FROM finance.posting p JOIN finance.account a ON a.code = p.account_code"
                    + " WHERE a.kind = 'expense' AND p.currency = ? AND p.entry_date BETWEEN ? AND ?")) {
                select.setString(1, currency.getCurrencyCode());
                select.setObject(2, first.atDay(1));
                select.setObject(3, current.minusMonths(1).atEndOfMonth());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    expenses = Money.of(rows.getBigDecimal(1), currency);
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        Money monthly = Money.ofRounded(expenses.getAmount().divide(BigDecimal.valueOf(TRAILING_MONTHS), 10,
                RoundingMode.HALF_EVEN), currency, RoundingMode.HALF_EVEN);
        BigDecimal months = monthly.isPositive()
                ? cash.getAmount().divide(monthly.getAmount(), 1, RoundingMode.DOWN) : null;
        boolean meets = months == null || months.compareTo(BigDecimal.valueOf(policy.runwayTargetMonths())) >= 0;
        return new Runway(cash, monthly, months, policy.runwayTargetMonths(), meets, trailing, others);
    }
}
