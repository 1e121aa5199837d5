package org.herdbook.web.report.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules the API and the draft page share for narratives and typed instance figures. */
class ReportInputTest {

    @Test
    void narrativesMayBeEmptyButNotMissingNorLongerThanTheLimit() {
        assertThat(ReportInput.narrativeProblems("", "")).isEmpty();
        assertThat(ReportInput.narrativeProblems("x".repeat(20_000), "Zoë")).isEmpty();
        assertThat(ReportInput.narrativeProblems(null, "")).containsExactly("reports.narrative.missing");
        assertThat(ReportInput.narrativeProblems("", "x".repeat(20_001))).containsExactly("reports.narrative.too-long");
    }

    @Test
    void instanceFiguresNeedTheMastodonCountersAndSaneAppeals() {
        assertThat(ReportInput.instanceProblems(1200L, 800L, 40L, 12L, 11L, null, null)).isEmpty();
        assertThat(ReportInput.instanceProblems(1200L, 800L, 40L, 12L, 11L, 2L, 2L)).isEmpty();
        assertThat(ReportInput.instanceProblems(1200L, null, 40L, 12L, 11L, null, null))
                .containsExactly("reports.instance.missing");
        assertThat(ReportInput.instanceProblems(1200L, 800L, -1L, 12L, 11L, null, null))
                .containsExactly("reports.instance.negative");
        assertThat(ReportInput.instanceProblems(1200L, 800L, 40L, 12L, 11L, 1L, 2L))
                .containsExactly("reports.instance.appeals");
        assertThat(ReportInput.instanceProblems(1200L, 800L, 40L, 12L, 11L, null, 1L))
                .containsExactly("reports.instance.appeals");
        assertThat(ReportInput.typed(1L, 2L, 3L, 4L, 5L, null, null).source()).isEqualTo("hand");
    }
}
