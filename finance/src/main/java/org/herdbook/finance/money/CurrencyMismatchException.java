package org.herdbook.finance.money;

import java.util.Currency;
import java.util.Objects;

/**
 * Thrown when amounts in two different currencies meet in arithmetic or a comparison.
 *
 * <p>It is an {@link IllegalArgumentException} because the caller passed an amount the operation
 * cannot accept; callers that show it to a person use {@link #MESSAGE_KEY} with the two currency
 * codes as arguments {0} and {1}.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

    /** Key of the user-facing message in the finance bundle; arguments: the two currency codes. */
    public static final String MESSAGE_KEY = "finance.money.currencyMismatch";

    private static final long serialVersionUID = 1L;

    private final Currency first;
    private final Currency second;

    /**
     * @param first the currency of the amount the operation was called on, not null
     * @param second the currency of the other amount, not null
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super(message(first, second));
        this.first = first;
        this.second = second;
    }

    private static String message(Currency first, Currency second) {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(second, "second must not be null");
        return "Amounts in " + first.getCurrencyCode() + " and " + second.getCurrencyCode()
                + " cannot be added, subtracted or compared; convert one of them first";
    }

    /** @return the currency of the amount the operation was called on */
    public Currency first() {
        return first;
    }

    /** @return the currency of the other amount */
    public Currency second() {
        return second;
    }
}
