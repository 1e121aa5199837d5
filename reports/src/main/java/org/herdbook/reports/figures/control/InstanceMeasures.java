package org.herdbook.reports.figures.control;

import java.util.Optional;
import org.herdbook.reports.period.ReportMonth;

/**
 * The instance's own counters for a month (Mastodon's admin API); governance-web implements it.
 * Empty when no instance is configured or it cannot be reached: figures are then typed by hand.
 */
public interface InstanceMeasures {

    Optional<Measured> measure(ReportMonth month);

    /** What the admin API gives: everything but appeals. */
    record Measured(long users, long activeUsers, long newUsers, long reportsOpened, long reportsResolved) {
    }
}
