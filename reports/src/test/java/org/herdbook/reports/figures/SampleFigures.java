package org.herdbook.reports.figures;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.statement.entity.MonthStatement;
import org.herdbook.reports.figures.control.ReportFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.period.ReportMonth;

/** A month with a bit of everything, as the ledger would state it. */
public final class SampleFigures {

    public static final Currency CAD = Currency.getInstance("CAD");

    private SampleFigures() {
    }

    public static Money cad(String amount) {
        return Money.parse("CAD " + amount);
    }

    public static MonthStatement statement(boolean closed) {
        YearMonth month = YearMonth.of(2026, 3);
        return new MonthStatement(month, closed, cad("1234.50"), cad("60.00"), cad("10.00"), 3, cad("2.10"),
                List.of(new MonthStatement.ExpenseLine("5000", "Hosting — compute", "Hébergement — calcul",
                                "Hetzner Online", "Two servers, Zoë’s <b>upgrade</b>", cad("900.00")),
                        new MonthStatement.ExpenseLine("5200", "Domains", "Noms de domaine", null, "renewal",
                                cad("15.25"))),
                List.of(cad("50.00"), cad("7.00"), cad("3.00")), cad("12345.67"), cad("1000.00"),
                new java.math.BigDecimal("12.3"), 6,
                java.util.stream.IntStream.range(0, 12).mapToObj(i -> new MonthStatement.MonthRevenue(
                        month.minusMonths(11 - i), cad(i == 11 ? "1304.50" : String.valueOf(100 * i)))).toList());
    }

    public static MonthlyFigures figures(boolean closed) {
        return ReportFigures.compute(new ReportMonth(YearMonth.of(2026, 3), ZoneId.of("America/Toronto")), CAD,
                statement(closed), new MonthlyFigures.Membership(List.of(
                        new MonthlyFigures.ClassStanding("general", "active", 1200),
                        new MonthlyFigures.ClassStanding("project", "in-grace", 2),
                        new MonthlyFigures.ClassStanding("general", "lapsed", 0)), 5, 1),
                new MonthlyFigures.Recurring(40, new java.math.BigDecimal("400.00")),
                new MonthlyFigures.Instance(5321, 1200, 45, 12, 10, 3L, 1L, "mastodon"));
    }
}
