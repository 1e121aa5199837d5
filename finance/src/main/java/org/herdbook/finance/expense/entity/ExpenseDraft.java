package org.herdbook.finance.expense.entity;

import java.time.LocalDate;
import org.herdbook.finance.money.Money;

/** What a person records as an expense; {@code invoice} and {@code note} may be null. */
public record ExpenseDraft(String vendor, String accountCode, String paidFrom, LocalDate spentOn, Money amount,
        String note, Invoice invoice) {
}
