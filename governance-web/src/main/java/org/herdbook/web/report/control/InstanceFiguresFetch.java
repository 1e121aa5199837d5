package org.herdbook.web.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.Optional;
import org.herdbook.reports.figures.control.InstanceFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.publication.control.ReportSettings;
import org.herdbook.reports.period.ReportMonth;
import org.herdbook.web.mastodon.control.MastodonMeasures;

/** Takes a month's figures from Mastodon and stores them, keeping the appeals someone typed. */
@ApplicationScoped
public class InstanceFiguresFetch {

    @Inject
    MastodonMeasures mastodon;
    @Inject
    InstanceFigures stored;
    @Inject
    ReportSettings settings;

    public boolean isConfigured() {
        return mastodon.isConfigured();
    }

    public boolean stored(YearMonth month) {
        return stored.of(month).isPresent();
    }

    public Optional<MonthlyFigures.Instance> fetch(YearMonth month, String by) {
        return mastodon.measure(new ReportMonth(month, settings.timeZone())).map(measured -> {
            Optional<MonthlyFigures.Instance> typed = stored.of(month);
            MonthlyFigures.Instance figures = new MonthlyFigures.Instance(measured.users(), measured.activeUsers(),
                    measured.newUsers(), measured.reportsOpened(), measured.reportsResolved(),
                    typed.map(MonthlyFigures.Instance::appealsReceived).orElse(null),
                    typed.map(MonthlyFigures.Instance::appealsApproved).orElse(null), "mastodon");
            stored.store(month, figures, by);
            return figures;
        });
    }
}
