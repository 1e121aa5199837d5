package org.herdbook.web.report.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.herdbook.reports.figures.control.InstanceFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.publication.control.MonthlyReportWorkflow;
import org.herdbook.reports.publication.control.MonthlyReports;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.render.ReportCharts;
import org.herdbook.reports.render.ReportContent;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.report.control.InstanceFiguresFetch;

/**
 * A month's draft report for the treasurer and the board ({@code /board/report-draft.xhtml?month=YYYY-MM}):
 * the figures as the books show them now, laid out as the public page will show them; the
 * narratives in English and French; the instance figures typed or fetched from Mastodon; and, for
 * the board only, publication. Each action is one transaction: refused means nothing stored.
 */
@Named("reportDraft")
@RequestScoped
public class ReportDraftPage {

    @Inject
    MonthlyReportWorkflow workflow;
    @Inject
    MonthlyReports reports;
    @Inject
    InstanceFigures instanceFigures;
    @Inject
    InstanceFiguresFetch fetch;
    @Inject
    ReportLinks links;
    @Inject
    RequestLanguage language;
    @Inject
    PageFeedback feedback;
    @Inject
    SecurityContext security;

    private String month;
    private YearMonth parsed;
    private Optional<MonthlyReportWorkflow.Draft> draft;
    private ReportContent content;
    private String narrativeEn;
    private String narrativeFr;
    private String users;
    private String activeUsers;
    private String newUsers;
    private String reportsOpened;
    private String reportsResolved;
    private String appealsReceived;
    private String appealsApproved;
    private boolean monthChecked;
    private boolean narrativePosted;
    private boolean instancePosted;

    /** The month of a postback comes with its forms (a hidden field), before view parameters reach this bean. */
    @PostConstruct
    void monthOfPostback() {
        String posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("month");
        if (posted != null) {
            month = posted;
        }
    }

    /** On arrival: a malformed month is a 400 with its message. */
    public void load() {
        month();
    }

    /** Fields of a form not posted in this request show what is stored. */
    private void storedNarrative() {
        if (!narrativePosted) {
            narrativePosted = true;
            getDraft().ifPresent(found -> {
                narrativeEn = found.report().narrativeEn();
                narrativeFr = found.report().narrativeFr();
            });
        }
    }

    private void storedInstanceFigures() {
        if (!instancePosted) {
            instancePosted = true;
            if (month() != null) {
                instanceFigures.of(parsed).ifPresent(stored -> {
                    users = String.valueOf(stored.users());
                    activeUsers = String.valueOf(stored.activeUsers());
                    newUsers = String.valueOf(stored.newUsers());
                    reportsOpened = String.valueOf(stored.reportsOpened());
                    reportsResolved = String.valueOf(stored.reportsResolved());
                    appealsReceived = stored.appealsReceived() == null ? null : String.valueOf(stored.appealsReceived());
                    appealsApproved = stored.appealsApproved() == null ? null : String.valueOf(stored.appealsApproved());
                });
            }
        }
    }

    /** The month asked for, or null (with a 400 and its message) when it is not one. */
    private YearMonth month() {
        if (!monthChecked) {
            monthChecked = true;
            try {
                parsed = links.month(month == null ? "" : month);
            } catch (Refusal refusal) {
                refuse(refusal);
            }
        }
        return parsed;
    }

    public boolean isValidMonth() {
        return month() != null;
    }

    public Optional<MonthlyReportWorkflow.Draft> getDraft() {
        if (draft == null) {
            draft = month() == null ? Optional.empty() : workflow.draft(parsed);
        }
        return draft;
    }

    public boolean isFound() {
        return getDraft().isPresent();
    }

    public boolean isMonthClosed() {
        return getDraft().map(found -> found.figures().closed()).orElse(false);
    }

    /** The draft laid out in the visitor's language, as the public page and the PDF will show it. */
    public ReportContent getContent() {
        if (content == null) {
            MonthlyReportWorkflow.Draft found = getDraft().orElseThrow();
            content = ReportContent.of(found.figures(), language.getLocale(),
                    language.is("fr") ? found.report().narrativeFr() : found.report().narrativeEn());
        }
        return content;
    }

    public String getExpensesSvg() {
        return ReportCharts.horizontalSvg(ReportCharts.expenses(getDraft().orElseThrow().figures(), language.getLocale()));
    }

    public String getRevenueSvg() {
        return ReportCharts.verticalSvg(ReportCharts.revenue(getDraft().orElseThrow().figures(), language.getLocale()));
    }

    public List<MonthlyReport> getVersions() {
        return month() == null ? List.of() : reports.versions(parsed);
    }

    public String pageOf(MonthlyReport version) {
        return links.page(version);
    }

    public boolean isMayPublish() {
        return security.isCallerInRole("board");
    }

    public boolean isMastodonConfigured() {
        return fetch.isConfigured();
    }

    /** Opens the month's draft when it has none. */
    public void open() {
        if (refusedRole() || month() == null) {
            return;
        }
        if (feedback.attempt(() -> links.refusals(() -> workflow.generate(parsed, caller()))) != null) {
            draft = null;
            feedback.info("report.page.draft.opened");
        }
    }

    public void saveNarrative() {
        if (refusedRole() || month() == null) {
            return;
        }
        List<String> problems = ReportInput.narrativeProblems(narrativeEn == null ? "" : narrativeEn,
                narrativeFr == null ? "" : narrativeFr);
        if (!problems.isEmpty()) {
            refuse(problems);
            return;
        }
        String en = narrativeEn == null ? "" : narrativeEn;
        String fr = narrativeFr == null ? "" : narrativeFr;
        if (feedback.attempt(() -> links.refusals(() -> workflow.updateNarrative(parsed, en, fr, caller()))) != null) {
            draft = null;
            content = null;
            feedback.info("report.page.draft.narrative-saved");
        }
    }

    public void saveInstanceFigures() {
        if (refusedRole() || month() == null) {
            return;
        }
        Long[] values = new Long[7];
        String[] typed = {users, activeUsers, newUsers, reportsOpened, reportsResolved, appealsReceived, appealsApproved};
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] != null && !typed[i].isBlank()) {
                try {
                    values[i] = Long.valueOf(typed[i].strip());
                } catch (NumberFormatException e) {
                    refuse(List.of("reports.instance.number"));
                    return;
                }
            }
        }
        List<String> problems = ReportInput.instanceProblems(values[0], values[1], values[2], values[3], values[4],
                values[5], values[6]);
        if (!problems.isEmpty()) {
            refuse(problems);
            return;
        }
        MonthlyFigures.Instance figures = ReportInput.typed(values[0], values[1], values[2], values[3], values[4],
                values[5], values[6]);
        if (feedback.attempt(() -> instanceFigures.store(parsed, figures, caller()))) {
            draft = null;
            content = null;
            feedback.info("report.page.draft.instance-saved");
        }
    }

    public void fetchInstanceFigures() {
        if (refusedRole() || month() == null) {
            return;
        }
        if (!fetch.isConfigured()) {
            refuse(new Refusal("report-mastodon-off", Response.Status.SERVICE_UNAVAILABLE));
            return;
        }
        MonthlyFigures.Instance fetched = feedback.attempt(() -> fetch.fetch(parsed, caller())
                .orElseThrow(() -> new Refusal("report-mastodon-failed", Response.Status.BAD_GATEWAY)));
        if (fetched != null) {
            draft = null;
            content = null;
            instancePosted = false;
            feedback.info("report.page.draft.instance-fetched");
        }
    }

    /** The board publishes the draft; refused (with why) while the month is not closed. */
    public String publish() {
        if (!isMayPublish()) {
            feedback.status(403);
            feedback.error("report.page.draft.board-only");
            return null;
        }
        if (month() == null) {
            return null;
        }
        MonthlyReport published = feedback.attempt(() -> links.refusals(() -> workflow.publish(parsed, caller())));
        if (published == null) {
            return null;
        }
        return "/reports/month.xhtml?faces-redirect=true&month=" + published.month() + "&version=" + published.version();
    }

    private boolean refusedRole() {
        if (security.isCallerInRole("treasurer") || security.isCallerInRole("board")) {
            return false;
        }
        feedback.status(403);
        return true;
    }

    private void refuse(List<String> keys) {
        feedback.status(400);
        keys.forEach(key -> feedback.error(key));
    }

    private void refuse(Refusal refusal) {
        feedback.status(refusal.status().getStatusCode());
        feedback.error(refusal.detailKey(), refusal.arguments());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
        this.parsed = null;
        this.monthChecked = false;
    }

    public String getNarrativeEn() {
        storedNarrative();
        return narrativeEn;
    }

    public void setNarrativeEn(String narrativeEn) {
        narrativePosted = true;
        this.narrativeEn = narrativeEn;
    }

    public String getNarrativeFr() {
        storedNarrative();
        return narrativeFr;
    }

    public void setNarrativeFr(String narrativeFr) {
        narrativePosted = true;
        this.narrativeFr = narrativeFr;
    }

    public String getUsers() {
        storedInstanceFigures();
        return users;
    }

    public void setUsers(String users) {
        instancePosted = true;
        this.users = users;
    }

    public String getActiveUsers() {
        storedInstanceFigures();
        return activeUsers;
    }

    public void setActiveUsers(String activeUsers) {
        instancePosted = true;
        this.activeUsers = activeUsers;
    }

    public String getNewUsers() {
        storedInstanceFigures();
        return newUsers;
    }

    public void setNewUsers(String newUsers) {
        instancePosted = true;
        this.newUsers = newUsers;
    }

    public String getReportsOpened() {
        storedInstanceFigures();
        return reportsOpened;
    }

    public void setReportsOpened(String reportsOpened) {
        instancePosted = true;
        this.reportsOpened = reportsOpened;
    }

    public String getReportsResolved() {
        storedInstanceFigures();
        return reportsResolved;
    }

    public void setReportsResolved(String reportsResolved) {
        instancePosted = true;
        this.reportsResolved = reportsResolved;
    }

    public String getAppealsReceived() {
        storedInstanceFigures();
        return appealsReceived;
    }

    public void setAppealsReceived(String appealsReceived) {
        instancePosted = true;
        this.appealsReceived = appealsReceived;
    }

    public String getAppealsApproved() {
        storedInstanceFigures();
        return appealsApproved;
    }

    public void setAppealsApproved(String appealsApproved) {
        instancePosted = true;
        this.appealsApproved = appealsApproved;
    }
}
