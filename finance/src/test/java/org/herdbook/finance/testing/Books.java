package org.herdbook.finance.testing;

import org.herdbook.finance.expense.control.Expenses;
import org.herdbook.finance.ledger.control.ChartOfAccounts;
import org.herdbook.finance.ledger.control.Ledger;
import org.herdbook.finance.paypal.control.PaypalImport;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.reconciliation.control.Reconciliation;
import org.herdbook.finance.runway.control.RunwayForecast;
import org.herdbook.finance.sponsorship.control.Sponsorships;

/** Every finance component wired by hand on a fresh database, as CDI wires them on the server. */
public final class Books {

    public final FinanceDatabase database = FinanceDatabase.create();
    public final FinancePolicy policy;
    public final ChartOfAccounts chart = new ChartOfAccounts(database);
    public final Ledger ledger = new Ledger(database);
    public final PaypalImport paypal;
    public final Reconciliation reconciliation;
    public final Expenses expenses;
    public final Sponsorships sponsorships = new Sponsorships(database);
    public final RunwayForecast runway;

    public Books() {
        this(TestPolicy.WINNIPEG);
    }

    public Books(FinancePolicy policy) {
        this.policy = policy;
        this.paypal = new PaypalImport(database, ledger, policy);
        this.reconciliation = new Reconciliation(database, ledger, paypal, chart, policy);
        this.expenses = new Expenses(database, ledger, chart, policy);
        this.runway = new RunwayForecast(database, policy);
    }
}
