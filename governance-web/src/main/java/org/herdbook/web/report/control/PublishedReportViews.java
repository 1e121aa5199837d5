package org.herdbook.web.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herdbook.reports.figures.control.FiguresJson;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.render.ReportCharts;
import org.herdbook.reports.render.ReportContent;

/**
 * The laid-out content and charts of published reports, per version and language. A published
 * version never changes (the database refuses it), so what was laid out once stays right and is
 * kept; only the most recently used versions are, so memory stays bounded.
 */
@ApplicationScoped
public class PublishedReportViews {

    static final int KEPT = 256;

    /** What the month page shows of one version in one language. */
    public record View(ReportContent content, String expensesSvg, String revenueSvg) {
    }

    private record Key(UUID report, String language) {
    }

    private final Map<Key, View> views = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, View> eldest) {
            return size() > KEPT;
        }
    };

    public View of(MonthlyReport report, Locale language) {
        if (!report.published()) {
            throw new IllegalArgumentException("only published reports are immutable enough to keep");
        }
        Key key = new Key(report.id(), "fr".equals(language.getLanguage()) ? "fr" : "en");
        synchronized (views) {
            View kept = views.get(key);
            if (kept != null) {
                return kept;
            }
        }
        MonthlyFigures figures = FiguresJson.fromJson(report.figures());
        View view = new View(ReportContent.of(figures, language,
                key.language().equals("fr") ? report.narrativeFr() : report.narrativeEn()),
                ReportCharts.horizontalSvg(ReportCharts.expenses(figures, language)),
                ReportCharts.verticalSvg(ReportCharts.revenue(figures, language)));
        synchronized (views) {
            views.put(key, view);
        }
        return view;
    }
}
