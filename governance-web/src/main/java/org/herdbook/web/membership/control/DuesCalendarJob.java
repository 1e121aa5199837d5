package org.herdbook.web.membership.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes down, every hour, the grace and lapse changes the dues calendar has made due. Views do
 * not wait for it (they compute the same changes); it keeps the stored history and the audit log
 * complete. Safe with several servers: the work runs under a database lock one of them takes.
 */
@ApplicationScoped
public class DuesCalendarJob {

    private static final Logger LOG = Logger.getLogger(DuesCalendarJob.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    Memberships memberships;

    private ScheduledFuture<?> scheduled;

    public void start() {
        scheduled = scheduler.scheduleWithFixedDelay(this::run, 1, 60, TimeUnit.MINUTES);
    }

    void run() {
        try {
            int written = memberships.writeDueCalendarChangesForAll();
            if (written > 0) {
                LOG.info(() -> "Dues calendar: " + written + " standing changes written.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dues calendar run failed; the next run tries again.", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
