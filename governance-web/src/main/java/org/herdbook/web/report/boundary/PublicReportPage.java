package org.herdbook.web.report.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.control.ReportSettings;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.render.ReportContent;
import org.herdbook.reports.render.ReportFormat;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.report.control.PublishedReportViews;

/**
 * A published month for the public, in the visitor's language: the same {@link ReportContent} the
 * PDF draws, the charts as inline SVG (built from escaped text only), the versions of the month
 * and the links to the PDF and the open data.
 */
@Named("publicReport")
@RequestScoped
public class PublicReportPage {

    @Inject
    ReportLinks links;
    @Inject
    MonthlyReports reports;
    @Inject
    ReportSettings settings;
    @Inject
    RequestLanguage language;
    @Inject
    PageFeedback feedback;
    @Inject
    PublishedReportViews views;

    private String month;
    private String version;
    private MonthlyReport report;
    private PublishedReportViews.View view;

    public void load() {
        try {
            Integer asked = version == null || version.isBlank() ? null : parseVersion(version);
            report = links.published(links.month(month), asked);
            view = views.of(report, language.getLocale());
        } catch (Refusal refusal) {
            feedback.status(refusal.status().getStatusCode());
            feedback.error(refusal.detailKey(), refusal.arguments());
        }
    }

    private static Integer parseVersion(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean isFound() {
        return report != null;
    }

    public MonthlyReport getReport() {
        return report;
    }

    public ReportContent getContent() {
        return view.content();
    }

    public String getExpensesSvg() {
        return view.expensesSvg();
    }

    public String getRevenueSvg() {
        return view.revenueSvg();
    }

    public String getPublishedOn() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.getLocale())
                .format(report.publishedAt().atZone(settings.timeZone()));
    }

    public List<MonthlyReport> getVersions() {
        return reports.versions(report.month());
    }

    public String getMonthName() {
        return ReportFormat.of(language.getLocale()).month(report.month());
    }

    public String getPdfLink() {
        return links.api(report, "/report.pdf");
    }

    public String getJsonLink() {
        return links.api(report, "");
    }

    public String getCsvLink() {
        return links.api(report, "/figures.csv");
    }

    public String pageOf(MonthlyReport version) {
        return links.page(version);
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
