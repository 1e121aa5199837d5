package org.herdbook.web.report.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herdbook.reports.publication.control.MonthlyReportWorkflow;
import org.herdbook.reports.publication.control.MonthlyReports;

/**
 * Opens, every hour, the draft report of the month that has just ended (in the foundation's time
 * zone), unless it already has a draft or a published version. Safe with several servers: a
 * month has at most one draft (a unique index), so a second server's insert does nothing.
 */
@ApplicationScoped
public class MonthlyReportDraftJob {

    private static final Logger LOG = Logger.getLogger(MonthlyReportDraftJob.class.getName());
    static final String BY = "scheduled";

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    MonthlyReportWorkflow workflow;
    @Inject
    MonthlyReports reports;
    @Inject
    InstanceFiguresFetch instanceFigures;

    private ScheduledFuture<?> scheduled;

    public void start() {
        scheduled = scheduler.scheduleWithFixedDelay(this::run, 2, 60, TimeUnit.MINUTES);
    }

    void run() {
        try {
            draftPreviousMonth(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Monthly report draft failed; the next run tries again.", e);
        }
    }

    /** One insert, atomic on its own: no transaction needed. @return whether a draft was opened */
    public boolean draftPreviousMonth(Instant now) {
        YearMonth month = workflow.previousMonth(now);
        // Mastodon keeps its measures for a limited time: take the month's while they exist.
        if (instanceFigures.isConfigured() && !instanceFigures.stored(month)) {
            instanceFigures.fetch(month, BY);
        }
        if (reports.draft(month).isPresent() || reports.latest(month).isPresent()) {
            return false;
        }
        reports.draftOrNew(month, BY);
        LOG.info(() -> "Monthly report: opened the draft of " + month + ".");
        return true;
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
