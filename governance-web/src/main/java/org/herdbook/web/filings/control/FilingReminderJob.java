package org.herdbook.web.filings.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour, e-mails the secretaries about filings whose reminder day has come. Safe with
 * several servers: the work runs under a database lock one of them takes, and each filing is
 * reminded once.
 */
@ApplicationScoped
public class FilingReminderJob {

    private static final Logger LOG = Logger.getLogger(FilingReminderJob.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    Filings filings;

    private ScheduledFuture<?> scheduled;

    public void start() {
        scheduled = scheduler.scheduleWithFixedDelay(this::run, 2, 60, TimeUnit.MINUTES);
    }

    void run() {
        try {
            int reminded = filings.remindDue();
            if (reminded > 0) {
                LOG.info(() -> "Filings: " + reminded + " reminders sent.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Filing reminders failed; the next run tries again.", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
