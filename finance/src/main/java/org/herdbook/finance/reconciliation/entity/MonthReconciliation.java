package org.herdbook.finance.reconciliation.entity;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A month's reconciliation between PayPal and the ledger.
 *
 * @param month the month, in the foundation's time zone
 * @param state open, reconciled (nothing left to resolve) or closed
 * @param items every PayPal line and every ledger entry on the PayPal balance in the month
 * @param counts how many items are in each state
 */
public record MonthReconciliation(YearMonth month, MonthState state, List<ReconciliationItem> items,
        Map<ItemState, Integer> counts) {

    public MonthReconciliation {
        items = List.copyOf(items);
        counts = Map.copyOf(counts);
    }

    public long openItems() {
        return items.stream().filter(item -> item.state().open()).count();
    }
}
