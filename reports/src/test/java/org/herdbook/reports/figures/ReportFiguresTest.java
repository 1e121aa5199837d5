package org.herdbook.reports.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.herdbook.reports.figures.control.FiguresJson;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {

    @Test
    void totalsAndStatisticsAreExactAndLeaveSponsorshipsOut() {
        MonthlyFigures figures = SampleFigures.figures(true);
        assertThat(figures.revenue().total()).isEqualByComparingTo("1304.50");
        assertThat(figures.revenue().net()).isEqualByComparingTo("1302.40");
        assertThat(figures.revenue().sponsorships()).isEqualTo(3);
        assertThat(figures.expensesTotal()).isEqualByComparingTo("915.25");
        assertThat(figures.result()).isEqualByComparingTo("387.15");
        assertThat(figures.expensesByCategory()).extracting(MonthlyFigures.CategoryTotal::category)
                .containsExactly("5000", "5200");
        assertThat(figures.donations().count()).isEqualTo(3);
        assertThat(figures.donations().average()).as("60 / 3").isEqualByComparingTo("20.00");
        assertThat(figures.donations().largest()).isEqualByComparingTo("50.00");
        assertThat(figures.donations().smallest()).isEqualByComparingTo("3.00");
        assertThat(figures.runway().meetsTarget()).isTrue();
    }

    @Test
    void anAverageIsRoundedHalfEvenToTheCent() {
        MonthlyFigures figures = SampleFigures.figures(true);
        assertThat(figures.donations().average().scale()).isEqualTo(2);
    }

    @Test
    void jsonGoesThereAndBackUnchanged() {
        MonthlyFigures figures = SampleFigures.figures(false);
        String json = FiguresJson.toJson(figures).toString();
        assertThat(FiguresJson.fromJson(json)).isEqualTo(figures);
        assertThat(json).contains("\"dues\":\"1234.50\"", "\"amount\":\"confidential\"", "\"monthClosed\":false");
    }
}
