package org.herdbook.web.startup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.herdbook.web.mail.control.Mailer;
import org.herdbook.web.filings.control.FilingReminderJob;
import org.herdbook.web.ballots.control.BallotClosingJob;
import org.herdbook.web.membership.control.DuesCalendarJob;
import org.herdbook.web.report.control.MonthlyReportDraftJob;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.herdbook.web.demo.control.DemoFoundation;
import org.herdbook.web.setup.control.FirstRun;

/** Runs the start-up steps in order when the application starts, and remembers that they ran. */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    SchemaMigrations migrations;
    @Inject
    DemoFoundation demo;
    @Inject
    FirstRun firstRun;
    @Inject
    Mailer mailer;
    @Inject
    DuesCalendarJob duesCalendar;
    @Inject
    FilingReminderJob filingReminders;
    @Inject
    MonthlyReportDraftJob monthlyReportDrafts;
    @Inject
    BallotClosingJob ballotClosing;

    private volatile boolean complete;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Instant begin = Instant.now();
        migrations.apply();
        demo.loadIfRequested();
        firstRun.prepare();
        mailer.announce();
        duesCalendar.start();
        filingReminders.start();
        monthlyReportDrafts.start();
        ballotClosing.start();
        complete = true;
        LOG.info(() -> "Herdbook started in " + Duration.between(begin, Instant.now()).toMillis() + " ms.");
    }

    /** True once migrations, demo data and first-run preparation have all finished. */
    public boolean isComplete() {
        return complete;
    }
}
