package org.herdbook.reports.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * The report's two charts as data (bars with a label, a formatted value and a length from 0 to 1),
 * and as inline SVG for the web page. The PDF draws the same bars with its own vector paths.
 */
public final class ReportCharts {

    /** One bar: its label, its formatted amount, and its length relative to the longest bar. */
    public record Bar(String label, String value, double share) {
    }

    public record Chart(String title, List<Bar> bars) {
    }

    private ReportCharts() {
    }

    public static Chart expenses(MonthlyFigures figures, Locale language) {
        ReportFormat format = ReportFormat.of(language);
        List<BigDecimal> amounts = figures.expensesByCategory().stream().map(MonthlyFigures.CategoryTotal::amount).toList();
        BigDecimal largest = ReportContent.largest(amounts);
        return new Chart(ReportContent.text(ReportContent.bundle(language), "reports.chart.expenses",
                format.month(figures.month())), figures.expensesByCategory().stream()
                .map(total -> new Bar(format.french() ? total.nameFr() : total.nameEn(),
                        format.money(total.amount(), figures.currency()), share(total.amount(), largest)))
                .toList());
    }

    public static Chart revenue(MonthlyFigures figures, Locale language) {
        ReportFormat format = ReportFormat.of(language);
        List<BigDecimal> amounts = figures.revenueHistory().stream().map(MonthlyFigures.MonthAmount::amount).toList();
        BigDecimal largest = ReportContent.largest(amounts);
        return new Chart(ReportContent.text(ReportContent.bundle(language), "reports.chart.revenue"),
                figures.revenueHistory().stream().map(month -> new Bar(format.shortMonth(month.month()) + " "
                        + month.month().getYear() % 100, format.money(month.amount(), figures.currency()),
                        share(month.amount(), largest))).toList());
    }

    private static double share(BigDecimal amount, BigDecimal largest) {
        if (largest.signum() <= 0 || amount.signum() <= 0) {
            return 0;
        }
        return amount.divide(largest, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Horizontal bars: label, bar, amount; an accessible title and one {@code <title>} per bar. */
    public static String horizontalSvg(Chart chart) {
        int rowHeight = 22;
        int height = Math.max(1, chart.bars().size()) * rowHeight + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 640 ")
                .append(height).append("\" width=\"640\" height=\"").append(height).append("\"><title>")
                .append(escape(chart.title())).append("</title>");
        int y = 5;
        for (Bar bar : chart.bars()) {
            long width = Math.round(bar.share() * 300);
            svg.append("<g><title>").append(escape(bar.label() + ": " + bar.value())).append("</title>")
                    .append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(escape(bar.label())).append("</text>")
                    .append("<rect x=\"230\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"15\" fill=\"#3b6ea5\"/>")
                    .append("<text x=\"").append(236 + width).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(escape(bar.value())).append("</text></g>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical bars, one per month, labelled under the axis. */
    public static String verticalSvg(Chart chart) {
        int columns = Math.max(1, chart.bars().size());
        int columnWidth = 640 / columns;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 640 200\""
                + " width=\"640\" height=\"200\"><title>").append(escape(chart.title())).append("</title>")
                .append("<line x1=\"0\" y1=\"170\" x2=\"640\" y2=\"170\" stroke=\"#555\"/>");
        int x = 0;
        for (Bar bar : chart.bars()) {
            long height = Math.round(bar.share() * 150);
            svg.append("<g><title>").append(escape(bar.label() + ": " + bar.value())).append("</title>")
                    .append("<rect x=\"").append(x + 6).append("\" y=\"").append(170 - height).append("\" width=\"")
                    .append(columnWidth - 12).append("\" height=\"").append(height).append("\" fill=\"#3b6ea5\"/>")
                    .append("<text x=\"").append(x + columnWidth / 2).append("\" y=\"188\" font-size=\"11\""
                            + " text-anchor=\"middle\">").append(escape(bar.label())).append("</text></g>");
            x += columnWidth;
        }
        return svg.append("</svg>").toString();
    }

    /** XML text and attribute escaping: whatever a category or vendor is called stays text. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
