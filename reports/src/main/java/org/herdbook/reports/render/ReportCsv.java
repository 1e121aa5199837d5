package org.herdbook.reports.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * The figures as open-data CSV (RFC 4180, UTF-8): one row per figure, {@code section,item,value,
 * unit}, with stable English identifiers and plain decimals so any tool reads them. Texts typed by
 * people (vendor, note) are quoted, and neutralised where a spreadsheet would run them as formulas.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String of(MonthlyFigures figures) {
        List<String[]> rows = new ArrayList<>();
        String currency = figures.currency();
        String month = figures.month().toString();
        rows.add(new String[] {"report", "month", month, ""});
        rows.add(new String[] {"report", "monthClosed", String.valueOf(figures.closed()), ""});
        MonthlyFigures.Revenue revenue = figures.revenue();
        money(rows, "revenue", "dues", revenue.dues(), currency);
        money(rows, "revenue", "donations", revenue.donations(), currency);
        rows.add(new String[] {"revenue", "sponsorships.count", String.valueOf(revenue.sponsorships()), "payments"});
        rows.add(new String[] {"revenue", "sponsorships.amount", "confidential", currency});
        money(rows, "revenue", "other", revenue.other(), currency);
        money(rows, "revenue", "totalExcludingSponsorships", revenue.total(), currency);
        money(rows, "revenue", "paymentFees", revenue.fees(), currency);
        money(rows, "revenue", "net", revenue.net(), currency);
        figures.expensesByCategory().forEach(total -> money(rows, "expensesByCategory", total.nameEn(), total.amount(),
                currency));
        money(rows, "expenses", "total", figures.expensesTotal(), currency);
        figures.expenses().forEach(line -> rows.add(new String[] {"expense",
                line.categoryEn() + " | " + (line.vendor() == null ? "" : line.vendor()) + " | "
                        + (line.note() == null ? "" : line.note()), line.amount().toPlainString(), currency}));
        money(rows, "result", "netMinusExpenses", figures.result(), currency);
        MonthlyFigures.Donations donations = figures.donations();
        rows.add(new String[] {"donations", "count", String.valueOf(donations.count()), "donations"});
        money(rows, "donations", "average", donations.average(), currency);
        money(rows, "donations", "largest", donations.largest(), currency);
        money(rows, "donations", "smallest", donations.smallest(), currency);
        rows.add(new String[] {"recurring", "donors", String.valueOf(figures.recurring().donors()), "members"});
        money(rows, "recurring", "monthlyRecurringRevenue", figures.recurring().monthlyRevenue(), currency);
        MonthlyFigures.Runway runway = figures.runway();
        money(rows, "runway", "cashOnHand", runway.cashOnHand(), currency);
        money(rows, "runway", "averageMonthlyExpenses", runway.averageMonthlyExpenses(), currency);
        rows.add(new String[] {"runway", "months", runway.months() == null ? "" : runway.months().toPlainString(), "months"});
        rows.add(new String[] {"runway", "targetMonths", String.valueOf(runway.targetMonths()), "months"});
        figures.membership().counts().forEach(count -> rows.add(new String[] {"membership",
                count.memberClass() + "." + count.standing(), String.valueOf(count.count()), "members"}));
        rows.add(new String[] {"membership", "joined", String.valueOf(figures.membership().joined()), "members"});
        rows.add(new String[] {"membership", "lapsed", String.valueOf(figures.membership().lapsed()), "members"});
        MonthlyFigures.Instance instance = figures.instance();
        if (instance != null) {
            rows.add(new String[] {"instance", "users", String.valueOf(instance.users()), "accounts"});
            rows.add(new String[] {"instance", "activeUsers", String.valueOf(instance.activeUsers()), "accounts"});
            rows.add(new String[] {"instance", "newUsers", String.valueOf(instance.newUsers()), "accounts"});
            rows.add(new String[] {"instance", "reportsOpened", String.valueOf(instance.reportsOpened()), "reports"});
            rows.add(new String[] {"instance", "reportsResolved", String.valueOf(instance.reportsResolved()), "reports"});
            rows.add(new String[] {"instance", "appealsReceived", orEmpty(instance.appealsReceived()), "appeals"});
            rows.add(new String[] {"instance", "appealsApproved", orEmpty(instance.appealsApproved()), "appeals"});
        }
        figures.revenueHistory().forEach(each -> money(rows, "revenueHistory", each.month().toString(), each.amount(),
                currency));
        StringBuilder csv = new StringBuilder("section,item,value,unit\r\n");
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(row[i]));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static void money(List<String[]> rows, String section, String item, BigDecimal amount, String currency) {
        rows.add(new String[] {section, item, amount == null ? "" : amount.toPlainString(), currency});
    }

    private static String orEmpty(Long value) {
        return value == null ? "" : value.toString();
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-[0-9.]+")
                ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
