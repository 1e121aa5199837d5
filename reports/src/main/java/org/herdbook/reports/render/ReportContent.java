package org.herdbook.reports.render;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * A report laid out in one language: titled sections of rows, already formatted. The web page and
 * the PDF both draw exactly this, so they show the same figures in the same words. Immutable.
 *
 * @param language {@code en} or {@code fr}
 * @param title "Monthly report — March 2026"
 * @param notices warnings shown above the figures (a month not yet closed)
 * @param sections the figures
 * @param narrative the narrative as written (plain text; never markup)
 */
public record ReportContent(String language, String title, List<String> notices, List<Section> sections,
        String narrative) {

    /** A table: column headers (may be empty) and rows of cells; the last column holds amounts. */
    public record Section(String id, String title, List<String> headers, List<List<String>> rows) {
    }

    private static final String BUNDLE = "org.herdbook.reports.messages";

    public static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, "fr".equals(language.getLanguage()) ? Locale.FRENCH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String text(ResourceBundle bundle, String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    public static ReportContent of(MonthlyFigures figures, Locale language, String narrative) {
        ReportFormat format = ReportFormat.of(language);
        ResourceBundle bundle = bundle(language);
        String currency = figures.currency();
        boolean french = format.french();
        List<String> notices = new ArrayList<>();
        if (!figures.closed()) {
            notices.add(text(bundle, "reports.notice.notClosed"));
        }
        List<Section> sections = new ArrayList<>();
        MonthlyFigures.Revenue revenue = figures.revenue();
        sections.add(new Section("revenue", text(bundle, "reports.section.revenue"), List.of(), List.of(
                row(text(bundle, "reports.revenue.dues"), format.money(revenue.dues(), currency)),
                row(text(bundle, "reports.revenue.donations"), format.money(revenue.donations(), currency)),
                row(text(bundle, "reports.revenue.sponsorships", format.count(revenue.sponsorships())),
                        text(bundle, "reports.confidential")),
                row(text(bundle, "reports.revenue.other"), format.money(revenue.other(), currency)),
                row(text(bundle, "reports.revenue.total"), format.money(revenue.total(), currency)),
                row(text(bundle, "reports.revenue.fees"), format.money(revenue.fees(), currency)),
                row(text(bundle, "reports.revenue.net"), format.money(revenue.net(), currency)))));
        List<List<String>> categories = new ArrayList<>();
        figures.expensesByCategory().forEach(total -> categories.add(row(french ? total.nameFr() : total.nameEn(),
                format.money(total.amount(), currency))));
        categories.add(row(text(bundle, "reports.expenses.total"), format.money(figures.expensesTotal(), currency)));
        sections.add(new Section("expenses-by-category", text(bundle, "reports.section.expensesByCategory"),
                List.of(), categories));
        List<List<String>> lines = new ArrayList<>();
        figures.expenses().forEach(line -> lines.add(List.of(french ? line.categoryFr() : line.categoryEn(),
                line.vendor() == null ? "—" : line.vendor(), line.note() == null ? "" : line.note(),
                format.money(line.amount(), currency))));
        if (!lines.isEmpty()) {
            sections.add(new Section("expense-lines", text(bundle, "reports.section.expenseLines"),
                    List.of(text(bundle, "reports.expenses.category"), text(bundle, "reports.expenses.vendor"),
                            text(bundle, "reports.expenses.note"), text(bundle, "reports.expenses.amount")), lines));
        }
        sections.add(new Section("result", text(bundle, "reports.section.result"), List.of(), List.of(
                row(text(bundle, "reports.result.net"), format.money(figures.result(), currency)))));
        MonthlyFigures.Donations donations = figures.donations();
        sections.add(new Section("donations", text(bundle, "reports.section.donations"), List.of(), List.of(
                row(text(bundle, "reports.donations.count"), format.count(donations.count())),
                row(text(bundle, "reports.donations.average"), format.money(donations.average(), currency)),
                row(text(bundle, "reports.donations.largest"), format.money(donations.largest(), currency)),
                row(text(bundle, "reports.donations.smallest"), format.money(donations.smallest(), currency)),
                row(text(bundle, "reports.recurring.donors"), format.count(figures.recurring().donors())),
                row(text(bundle, "reports.recurring.revenue"),
                        format.money(figures.recurring().monthlyRevenue(), currency)))));
        MonthlyFigures.Runway runway = figures.runway();
        sections.add(new Section("runway", text(bundle, "reports.section.runway"), List.of(), List.of(
                row(text(bundle, "reports.runway.cash"), format.money(runway.cashOnHand(), currency)),
                row(text(bundle, "reports.runway.expenses"), format.money(runway.averageMonthlyExpenses(), currency)),
                row(text(bundle, "reports.runway.months"), format.oneDecimal(runway.months())),
                row(text(bundle, "reports.runway.target"), format.count(runway.targetMonths())),
                row(text(bundle, "reports.runway.status"), text(bundle, runway.meetsTarget()
                        ? "reports.runway.meets" : "reports.runway.below")))));
        List<List<String>> members = new ArrayList<>();
        figures.membership().counts().stream().filter(count -> count.count() > 0).forEach(count -> members.add(List.of(
                text(bundle, "reports.class." + count.memberClass()), text(bundle, "reports.standing." + count.standing()),
                format.count(count.count()))));
        members.add(List.of(text(bundle, "reports.membership.joined"), "", format.count(figures.membership().joined())));
        members.add(List.of(text(bundle, "reports.membership.lapsed"), "", format.count(figures.membership().lapsed())));
        sections.add(new Section("membership", text(bundle, "reports.section.membership"),
                List.of(text(bundle, "reports.membership.class"), text(bundle, "reports.membership.standing"),
                        text(bundle, "reports.membership.count")), members));
        MonthlyFigures.Instance instance = figures.instance();
        if (instance == null) {
            sections.add(new Section("instance", text(bundle, "reports.section.instance"), List.of(),
                    List.of(List.of(text(bundle, "reports.instance.none")))));
        } else {
            sections.add(new Section("instance", text(bundle, "reports.section.instance"), List.of(), List.of(
                    row(text(bundle, "reports.instance.users"), format.count(instance.users())),
                    row(text(bundle, "reports.instance.activeUsers"), format.count(instance.activeUsers())),
                    row(text(bundle, "reports.instance.newUsers"), format.count(instance.newUsers())),
                    row(text(bundle, "reports.instance.reportsOpened"), format.count(instance.reportsOpened())),
                    row(text(bundle, "reports.instance.reportsResolved"), format.count(instance.reportsResolved())),
                    row(text(bundle, "reports.instance.appealsReceived"), format.count(instance.appealsReceived())),
                    row(text(bundle, "reports.instance.appealsApproved"), format.count(instance.appealsApproved())),
                    row(text(bundle, "reports.instance.source"), text(bundle, "reports.instance.source." + instance.source())))));
        }
        return new ReportContent(french ? "fr" : "en", text(bundle, "reports.title", format.month(figures.month())),
                List.copyOf(notices), List.copyOf(sections), narrative == null ? "" : narrative);
    }

    private static List<String> row(String label, String value) {
        return List.of(label, value);
    }

    /** The largest category amount, for scaling charts; zero when there is none. */
    static BigDecimal largest(List<BigDecimal> amounts) {
        return amounts.stream().filter(amount -> amount.signum() > 0).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }
}
