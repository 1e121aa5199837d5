package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.herdbook.finance.ledger.control.ChartOfAccounts;
import org.herdbook.finance.ledger.entity.LedgerAccount;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.runway.control.RunwayForecast;
import org.herdbook.finance.runway.entity.Runway;

/** The treasurer's finance home: runway against its target, the chart of accounts, links. */
@Named
@RequestScoped
public class FinanceOverview {

    @Inject
    RunwayForecast forecast;
    @Inject
    ChartOfAccounts chart;
    @Inject
    FinancePolicy policy;

    private Runway runway;

    public Runway getRunway() {
        if (runway == null) {
            runway = forecast.asOf(LocalDate.now(policy.timeZone()));
        }
        return runway;
    }

    public List<LedgerAccount> getAccounts() {
        return chart.all();
    }

    public String name(LedgerAccount account, Locale locale) {
        return account.name(locale);
    }
}
