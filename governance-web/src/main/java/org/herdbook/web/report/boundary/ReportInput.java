package org.herdbook.web.report.boundary;

import java.util.ArrayList;
import java.util.List;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * The rules a narrative and typed instance figures obey, the same on the API and on the pages:
 * each method answers the message keys of what is wrong, empty when the input may be stored.
 */
final class ReportInput {

    static final int NARRATIVE_MAX = 20_000;

    private ReportInput() {
    }

    /** Both narratives present (possibly empty text), each at most {@value #NARRATIVE_MAX} characters. */
    static List<String> narrativeProblems(String en, String fr) {
        if (en == null || fr == null) {
            return List.of("reports.narrative.missing");
        }
        if (en.length() > NARRATIVE_MAX || fr.length() > NARRATIVE_MAX) {
            return List.of("reports.narrative.too-long");
        }
        return List.of();
    }

    /** The five Mastodon counters required, nothing negative, no more appeals approved than received. */
    static List<String> instanceProblems(Long users, Long activeUsers, Long newUsers, Long reportsOpened,
            Long reportsResolved, Long appealsReceived, Long appealsApproved) {
        List<String> problems = new ArrayList<>();
        if (users == null || activeUsers == null || newUsers == null || reportsOpened == null
                || reportsResolved == null) {
            problems.add("reports.instance.missing");
        } else if (negative(users, activeUsers, newUsers, reportsOpened, reportsResolved, appealsReceived,
                appealsApproved)) {
            problems.add("reports.instance.negative");
        } else if (appealsApproved != null && (appealsReceived == null || appealsApproved > appealsReceived)) {
            problems.add("reports.instance.appeals");
        }
        return problems;
    }

    /** Figures typed by hand, once {@link #instanceProblems} found nothing wrong. */
    static MonthlyFigures.Instance typed(Long users, Long activeUsers, Long newUsers, Long reportsOpened,
            Long reportsResolved, Long appealsReceived, Long appealsApproved) {
        return new MonthlyFigures.Instance(users, activeUsers, newUsers, reportsOpened, reportsResolved,
                appealsReceived, appealsApproved, "hand");
    }

    private static boolean negative(Long... values) {
        for (Long value : values) {
            if (value != null && value < 0) {
                return true;
            }
        }
        return false;
    }
}
