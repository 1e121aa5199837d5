package org.herdbook.web.report.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.herdbook.reports.figures.control.FiguresJson;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.junit.jupiter.api.Test;

class PublishedReportViewsTest {

    private static final MonthlyFigures FIGURES = new MonthlyFigures(YearMonth.of(2026, 3), "America/Winnipeg", "CAD",
            true, new MonthlyFigures.Revenue(new BigDecimal("1234.50"), BigDecimal.ZERO, 1, BigDecimal.ZERO,
                    new BigDecimal("1234.50"), BigDecimal.ZERO, new BigDecimal("1234.50")),
            List.of(), List.of(), BigDecimal.ZERO, new BigDecimal("1234.50"),
            new MonthlyFigures.Donations(0, BigDecimal.ZERO, null, null, null),
            new MonthlyFigures.Recurring(0, BigDecimal.ZERO),
            new MonthlyFigures.Runway(BigDecimal.TEN, BigDecimal.ZERO, null, 6, true),
            new MonthlyFigures.Membership(List.of(), 0, 0), null, List.of());

    private static MonthlyReport report(boolean published) {
        return new MonthlyReport(UUID.randomUUID(), YearMonth.of(2026, 3), published, 1, "Hello <b>", "Bonjour", published
                ? FiguresJson.toJson(FIGURES).toString() : null, null, null, null, null, "t", Instant.now(), "b",
                Instant.now());
    }

    @Test
    void aVersionIsLaidOutOncePerLanguage() {
        PublishedReportViews views = new PublishedReportViews();
        MonthlyReport report = report(true);
        PublishedReportViews.View english = views.of(report, Locale.ENGLISH);
        assertThat(views.of(report, Locale.ENGLISH)).isSameAs(english);
        assertThat(english.content().narrative()).isEqualTo("Hello <b>");
        assertThat(english.content().sections().toString()).contains("$1,234.50");
        PublishedReportViews.View french = views.of(report, Locale.CANADA_FRENCH);
        assertThat(french).isNotSameAs(english);
        assertThat(french.content().narrative()).isEqualTo("Bonjour");
        assertThat(french.revenueSvg()).startsWith("<svg");
    }

    @Test
    void onlyTheMostRecentlyUsedVersionsAreKept() {
        PublishedReportViews views = new PublishedReportViews();
        MonthlyReport first = report(true);
        PublishedReportViews.View kept = views.of(first, Locale.ENGLISH);
        for (int i = 0; i < PublishedReportViews.KEPT; i++) {
            views.of(report(true), Locale.ENGLISH);
        }
        assertThat(views.of(first, Locale.ENGLISH)).isNotSameAs(kept).isEqualTo(kept);
    }

    @Test
    void aDraftIsNeverKept() {
        assertThatThrownBy(() -> new PublishedReportViews().of(report(false), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
