package org.herdbook.reports.figures.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.statement.control.MonthStatements;
import org.herdbook.finance.statement.entity.MonthStatement;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures.CategoryTotal;
import org.herdbook.reports.figures.entity.MonthlyFigures.ExpenseLine;
import org.herdbook.reports.period.ReportMonth;

/**
 * Computes a month's {@link MonthlyFigures} from the ledger (finance's month statement), the
 * membership and recurring-revenue figures governance-web provides, and the stored instance
 * figures. Nothing is typed twice: a draft always shows what the books say now.
 */
@ApplicationScoped
public class ReportFigures {

    @Inject
    MonthStatements statements;
    @Inject
    MembershipFigures membership;
    @Inject
    RecurringRevenue recurring;
    @Inject
    InstanceFigures instances;
    @Inject
    FinancePolicy policy;

    public MonthlyFigures of(ReportMonth month) {
        Currency currency = policy.currency();
        return compute(month, currency, statements.of(month.yearMonth()),
                membership.between(month.yearMonth().atDay(1), month.yearMonth().atEndOfMonth()),
                recurring.of(month.yearMonth(), currency), instances.of(month.yearMonth()).orElse(null));
    }

    /** The figures from their sources; pure, so that it can be checked against hand-made statements. */
    public static MonthlyFigures compute(ReportMonth month, Currency currency, MonthStatement statement,
            MonthlyFigures.Membership members, MonthlyFigures.Recurring recurringRevenue,
            MonthlyFigures.Instance instance) {
        Money total = statement.dues().plus(statement.donations()).plus(statement.otherIncome());
        Money net = total.minus(statement.fees());
        MonthlyFigures.Revenue revenue = new MonthlyFigures.Revenue(statement.dues().getAmount(),
                statement.donations().getAmount(), statement.sponsorshipPayments(), statement.otherIncome().getAmount(),
                total.getAmount(), statement.fees().getAmount(), net.getAmount());
        List<ExpenseLine> lines = new ArrayList<>();
        Map<String, CategoryTotal> categories = new LinkedHashMap<>();
        Money expenses = Money.zero(currency);
        for (MonthStatement.ExpenseLine line : statement.expenses()) {
            lines.add(new ExpenseLine(line.accountCode(), line.categoryEn(), line.categoryFr(), line.vendor(),
                    line.note(), line.amount().getAmount()));
            categories.merge(line.accountCode(), new CategoryTotal(line.accountCode(), line.categoryEn(),
                    line.categoryFr(), line.amount().getAmount()), (a, b) -> new CategoryTotal(a.category(), a.nameEn(),
                    a.nameFr(), a.amount().add(b.amount())));
            expenses = expenses.plus(line.amount());
        }
        List<CategoryTotal> byCategory = categories.values().stream()
                .sorted(Comparator.comparing(CategoryTotal::amount).reversed().thenComparing(CategoryTotal::category))
                .toList();
        List<Money> donations = statement.donationAmounts();
        Money donated = donations.stream().reduce(Money.zero(currency), Money::plus);
        MonthlyFigures.Donations stats = donations.isEmpty()
                ? new MonthlyFigures.Donations(0, donated.getAmount(), null, null, null)
                : new MonthlyFigures.Donations(donations.size(), donated.getAmount(),
                        Money.ofRounded(donated.getAmount().divide(BigDecimal.valueOf(donations.size()), 10,
                                RoundingMode.HALF_EVEN), currency, RoundingMode.HALF_EVEN).getAmount(),
                        donations.stream().max(Money::compareTo).orElseThrow().getAmount(),
                        donations.stream().min(Money::compareTo).orElseThrow().getAmount());
        BigDecimal months = statement.runwayMonths();
        MonthlyFigures.Runway runway = new MonthlyFigures.Runway(statement.cashOnHand().getAmount(),
                statement.averageMonthlyExpenses().getAmount(), months, statement.runwayTargetMonths(),
                months == null || months.compareTo(BigDecimal.valueOf(statement.runwayTargetMonths())) >= 0);
        return new MonthlyFigures(month.yearMonth(), month.zone().getId(), currency.getCurrencyCode(),
                statement.closed(), revenue, lines, byCategory, expenses.getAmount(), net.minus(expenses).getAmount(),
                stats, recurringRevenue, runway, members, instance,
                statement.publicRevenueHistory().stream()
                        .map(each -> new MonthlyFigures.MonthAmount(each.month(), each.amount().getAmount())).toList());
    }
}
