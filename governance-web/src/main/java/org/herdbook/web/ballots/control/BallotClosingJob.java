package org.herdbook.web.ballots.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Closes and counts ballots whose closing time has come, every few seconds (results should not
 * wait long, and the query behind an idle run is one index lookup). Safe with several servers:
 * {@link BallotBox#closeDue()} runs under an advisory lock one of them takes.
 */
@ApplicationScoped
public class BallotClosingJob {

    private static final Logger LOG = Logger.getLogger(BallotClosingJob.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    BallotBox ballots;
    @Inject
    @ConfigProperty(name = "herdbook.ballots.closing-check-seconds", defaultValue = "10")
    int intervalSeconds;

    private ScheduledFuture<?> scheduled;

    public void start() {
        long every = Math.max(1, intervalSeconds);
        scheduled = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.SECONDS);
    }

    void run() {
        try {
            int closed = ballots.closeDue();
            if (closed > 0) {
                LOG.info(() -> "Ballot closing: " + closed + " ballot(s) closed and counted.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ballot closing failed; the next run tries again.", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
