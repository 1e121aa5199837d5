package org.herdbook.web.report.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.render.ReportFormat;
import org.herdbook.web.i18n.RequestLanguage;

/** The public index of published months, newest first, in the visitor's language. */
@Named("reportIndex")
@RequestScoped
public class PublicReportIndex {

    /** One line of the index. */
    public record Entry(String month, String name, int version, String page, String pdf) {
    }

    @Inject
    MonthlyReports reports;
    @Inject
    ReportLinks links;
    @Inject
    RequestLanguage language;

    private List<Entry> entries;

    public List<Entry> getEntries() {
        if (entries == null) {
            ReportFormat format = ReportFormat.of(language.getLocale());
            entries = reports.index().stream().map((MonthlyReport report) -> new Entry(report.month().toString(),
                    format.month(report.month()), report.version(), links.page(report), links.api(report, "/report.pdf")))
                    .toList();
        }
        return entries;
    }
}
