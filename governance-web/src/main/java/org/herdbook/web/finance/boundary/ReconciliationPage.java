package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.reconciliation.control.Reconciliation;
import org.herdbook.finance.reconciliation.entity.MonthReconciliation;

/** The treasurer's monthly reconciliation: each difference resolved in place, then the month closed. */
@Named
@RequestScoped
public class ReconciliationPage {

    @Inject
    Reconciliation reconciliation;
    @Inject
    FinancePolicy policy;
    @Inject
    FinancePages pages;

    private String month;
    private MonthReconciliation loaded;
    private final Map<String, String> notes = new HashMap<>();

    public void load() {
        try {
            getReconciliation();
        } catch (Refusal refusal) {
            pages.refused(refusal);
        }
    }

    public YearMonth getYearMonth() {
        return month == null || month.isBlank() ? YearMonth.now(policy.timeZone()).minusMonths(1) : Months.parse(month);
    }

    public MonthReconciliation getReconciliation() {
        if (loaded == null) {
            loaded = reconciliation.forMonth(getYearMonth());
        }
        return loaded;
    }

    public void book(String transactionId) {
        resolved(pages.attempt(() -> {
            reconciliation.book(getYearMonth(), transactionId, pages.caller());
            return true;
        }));
    }

    public void replace(String transactionId) {
        resolved(pages.attempt(() -> {
            reconciliation.replaceWithPaypal(getYearMonth(), transactionId, pages.caller());
            return true;
        }));
    }

    public void reverse(UUID entryId) {
        resolved(pages.attempt(() -> {
            reconciliation.reverse(getYearMonth(), entryId, notes.get("entry:" + entryId), pages.caller());
            return true;
        }));
    }

    public void accept(String key) {
        resolved(pages.attempt(() -> {
            reconciliation.accept(getYearMonth(), key, notes.get(key), pages.caller());
            return true;
        }));
    }

    public void close() {
        MonthReconciliation closed = pages.attempt(() -> reconciliation.close(getYearMonth(), pages.caller()));
        if (closed != null) {
            loaded = closed;
            pages.info("finance.page.reconciliation.closed", getYearMonth().toString());
        }
    }

    private void resolved(Boolean done) {
        loaded = null;
        if (done != null) {
            pages.info("finance.page.reconciliation.resolved");
        }
    }

    public String getStateName() {
        return getReconciliation().state().name();
    }

    public String getPrevious() {
        return getYearMonth().minusMonths(1).toString();
    }

    public String getNext() {
        return getYearMonth().plusMonths(1).toString();
    }

    public LocalDate getToday() {
        return LocalDate.now(policy.timeZone());
    }

    public Map<String, String> getNotes() {
        return notes;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
