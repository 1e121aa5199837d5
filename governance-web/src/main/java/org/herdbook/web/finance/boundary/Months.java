package org.herdbook.web.finance.boundary;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.herdbook.finance.Refusal;

/** A month in a URL, as {@code 2026-10}. */
final class Months {

    private Months() {
    }

    static YearMonth parse(String text) {
        try {
            YearMonth month = YearMonth.parse(String.valueOf(text));
            if (month.getYear() < 2000 || month.getYear() > 2999) {
                throw Refusal.invalid("finance.month.invalid", String.valueOf(text));
            }
            return month;
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("finance.month.invalid", String.valueOf(text));
        }
    }
}
