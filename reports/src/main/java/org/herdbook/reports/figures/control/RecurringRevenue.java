package org.herdbook.reports.figures.control;

import java.time.YearMonth;
import java.util.Currency;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * Recurring donors and monthly recurring revenue. Today governance-web reads them from the dues
 * payments recorded per member; once PayPal subscriptions exist, an implementation reading the
 * active subscriptions replaces it without the report changing.
 */
public interface RecurringRevenue {

    MonthlyFigures.Recurring of(YearMonth month, Currency currency);
}
