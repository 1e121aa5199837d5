package org.herdbook.web.report.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.reports.publication.control.MonthlyReportWorkflow;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.render.ReportFormat;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.page.PageFeedback;

/**
 * The treasurer's and board's list of report months ({@code /board/reports.xhtml}): every month
 * with a draft or a published version, and opening the draft of a month on demand. Only the
 * treasurer and the board reach it (web.xml); the action checks it again.
 */
@Named("reportDrafts")
@RequestScoped
public class ReportDraftsPage {

    /** One month of the list: whether it has a draft, and its published versions, newest first. */
    public record Row(String month, String name, boolean draft, List<Integer> versions, String publicPage) {
    }

    @Inject
    MonthlyReports reports;
    @Inject
    MonthlyReportWorkflow workflow;
    @Inject
    ReportLinks links;
    @Inject
    RequestLanguage language;
    @Inject
    PageFeedback feedback;
    @Inject
    SecurityContext security;

    private List<Row> rows;
    private String month;

    public List<Row> getRows() {
        if (rows == null) {
            Map<YearMonth, List<MonthlyReport>> byMonth = new LinkedHashMap<>();
            reports.all().forEach(report -> byMonth.computeIfAbsent(report.month(), m -> new ArrayList<>()).add(report));
            ReportFormat format = ReportFormat.of(language.getLocale());
            rows = byMonth.entrySet().stream().map(entry -> {
                List<Integer> versions = entry.getValue().stream().filter(MonthlyReport::published)
                        .map(MonthlyReport::version).toList();
                boolean draft = entry.getValue().stream().anyMatch(report -> !report.published());
                String page = versions.isEmpty() ? null : links.page(entry.getValue().stream()
                        .filter(MonthlyReport::published).findFirst().orElseThrow());
                return new Row(entry.getKey().toString(), format.month(entry.getKey()), draft, versions, page);
            }).toList();
        }
        return rows;
    }

    /** The month a new draft would be for by default: the one that has just ended. */
    public String getMonth() {
        return month == null ? workflow.previousMonth(java.time.Instant.now()).toString() : month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    /** Opens the month's draft (or finds the one it has) and goes to it; refused for a month not over. */
    public String open() {
        if (!security.isCallerInRole("treasurer") && !security.isCallerInRole("board")) {
            feedback.status(403);
            return null;
        }
        String by = security.getCallerPrincipal().getName();
        MonthlyReportWorkflow.Draft draft = feedback.attempt(() -> links.refusals(() ->
                workflow.generate(links.month(month), by)));
        if (draft == null) {
            return null;
        }
        return "/board/report-draft.xhtml?faces-redirect=true&month=" + draft.report().month();
    }
}
