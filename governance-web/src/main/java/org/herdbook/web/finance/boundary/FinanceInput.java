package org.herdbook.web.finance.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.money.Money;

/** What people type into finance forms and bodies, read strictly. */
public final class FinanceInput {

    private FinanceInput() {
    }

    /** "12.50", "12,50" or "1250" in {@code currency}; anything else is refused. */
    public static Money money(String amount, String currency) {
        Currency found;
        try {
            found = Currency.getInstance(currency == null ? "" : currency.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("finance.input.currency", String.valueOf(currency));
        }
        if (amount == null || !amount.strip().matches("\\d{1,12}([.,]\\d{1,3})?")) {
            throw Refusal.invalid("finance.input.amount", String.valueOf(amount));
        }
        try {
            return Money.of(new BigDecimal(amount.strip().replace(',', '.')), found);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw Refusal.invalid("finance.input.amount", amount);
        }
    }

    /** An ISO date, 2026-10-31. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(String.valueOf(text).strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("finance.input.date", String.valueOf(text));
        }
    }
}
