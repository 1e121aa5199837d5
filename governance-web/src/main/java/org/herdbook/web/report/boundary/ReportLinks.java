package org.herdbook.web.report.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.function.Supplier;
import org.herdbook.reports.period.ReportMonth;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.control.ReportRefused;
import org.herdbook.reports.publication.control.ReportSettings;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.web.api.Refusal;

/** What the report's API and pages share: reading a month from a URL, finding a published version, links, refusals. */
@ApplicationScoped
public class ReportLinks {

    @Inject
    MonthlyReports reports;
    @Inject
    ReportSettings settings;

    /** A month written {@code YYYY-MM} (years 2000 to 2999); refused with 400 otherwise. */
    public YearMonth month(String text) {
        try {
            YearMonth month = ReportMonth.parse(String.valueOf(text), settings.timeZone()).yearMonth();
            if (month.getYear() < 2000 || month.getYear() > 2999) {
                throw new Refusal("report-month-invalid", Response.Status.BAD_REQUEST, String.valueOf(text));
            }
            return month;
        } catch (IllegalArgumentException e) {
            throw new Refusal("report-month-invalid", Response.Status.BAD_REQUEST, String.valueOf(text));
        }
    }

    /** The latest published version of the month, or the one asked for; 404 when there is none. */
    public MonthlyReport published(YearMonth month, Integer version) {
        return (version == null ? reports.latest(month) : reports.version(month, version))
                .orElseThrow(() -> refusal(ReportRefused.Reason.NOT_PUBLISHED));
    }

    public Refusal noDraft() {
        return refusal(ReportRefused.Reason.NO_DRAFT);
    }

    /** Runs a workflow step, answering its refusals as problems. */
    public <T> T refusals(Supplier<T> step) {
        try {
            return step.get();
        } catch (ReportRefused refused) {
            throw refusal(refused.reason());
        } catch (MonthlyReports.PublishedReportImmutable immutable) {
            throw refusal(ReportRefused.Reason.IMMUTABLE);
        }
    }

    static Refusal refusal(ReportRefused.Reason reason) {
        Response.Status status = switch (reason) {
            case NOT_PUBLISHED, NO_DRAFT -> Response.Status.NOT_FOUND;
            case MONTH_NOT_CLOSED, MONTH_NOT_OVER, IMMUTABLE -> Response.Status.CONFLICT;
        };
        return new Refusal(reason.code(), status);
    }

    public String base() {
        return settings.baseUrl();
    }

    public String page(MonthlyReport report) {
        return base() + "/reports/month.xhtml?month=" + report.month() + "&version=" + report.version();
    }

    public String api(MonthlyReport report, String suffix) {
        return base() + "/api/reports/" + report.month() + suffix + "?version=" + report.version();
    }

    public String pdfName(MonthlyReport report) {
        return "report-" + report.month() + "-v" + report.version() + ".pdf";
    }
}
