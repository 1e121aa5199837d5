package org.herdbook.finance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency, such as {@code CAD 12.34}.
 *
 * <p>The amount's scale is always the currency's default number of fraction digits
 * ({@link Currency#getDefaultFractionDigits()}): {@code CAD 1.5} is held as {@code CAD 1.50},
 * {@code JPY 423} has no decimals, {@code BHD 1.2} is held as {@code BHD 1.200}. Factories refuse
 * an amount that would need rounding to fit that scale; only {@link #ofRounded} and
 * {@link #multipliedBy} round, and only in the way their caller names.
 *
 * <p>Amounts in different currencies never mix: adding, subtracting or comparing them throws
 * {@link CurrencyMismatchException}. Currencies without a fixed number of fraction digits
 * (gold {@code XAU}, the testing code {@code XTS}, "no currency") are refused.
 *
 * <p>Every parameter must be non-null; a null one is refused with a
 * {@link NullPointerException} naming it.
 *
 * <p>The accessors follow the JavaBeans {@code getX} convention so that Faces pages can read
 * them through Expression Language.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {

    /** Plain decimal notation only: no exponent, no sign other than a leading minus, no grouping. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** The form {@link #toString()} writes: ISO 4217 code, one space, plain decimal amount. */
    private static final Pattern CODE_AND_AMOUNT = Pattern.compile("([A-Z]{3}) (\\S+)");

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * Obtains an amount, refusing any that would need rounding.
     *
     * <p>Trailing zeros beyond the currency's scale are harmless ({@code 1.500} CAD is
     * {@code CAD 1.50}); significant digits beyond it are not ({@code 1.505} CAD is refused).
     * A person who typed too many decimals is told {@code finance.money.tooManyDecimals}.
     *
     * @param amount the amount, not null
     * @param currency the currency, not null, with a fixed number of fraction digits
     * @return the amount at the currency's scale, not null
     * @throws ArithmeticException if the amount has more significant decimals than the currency
     *     allows
     * @throws IllegalArgumentException if the currency has no fixed number of fraction digits
     */
    public static Money of(BigDecimal amount, Currency currency) {
        requireNonNull(amount, "amount");
        int scale = scaleOf(currency);
        BigDecimal atScale;
        try {
            atScale = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException needsRounding) {
            throw new ArithmeticException(currency.getCurrencyCode() + " amounts have " + scale
                    + " decimal places, " + amount.toPlainString()
                    + " has more; round it explicitly with Money.ofRounded");
        }
        return new Money(atScale, currency);
    }

    /**
     * Obtains an amount from its plain decimal text, such as {@code "12.34"} or {@code "-0.5"},
     * refusing any that would need rounding.
     *
     * <p>Only plain notation is accepted (digits, an optional leading minus, an optional point
     * followed by digits): exponents, plus signs, grouping separators and decimal commas are
     * refused so that what a person typed is exactly what is booked.
     *
     * @param amount the amount as plain decimal text, not null
     * @param currency the currency, not null, with a fixed number of fraction digits
     * @return the amount at the currency's scale, not null
     * @throws IllegalArgumentException if the text is not a plain decimal number, or the currency
     *     has no fixed number of fraction digits
     * @throws ArithmeticException if the amount has more significant decimals than the currency
     *     allows
     */
    public static Money of(String amount, Currency currency) {
        return of(parseDecimal(amount), currency);
    }

    /**
     * Obtains an amount, rounding it to the currency's scale as the caller says.
     *
     * @param amount the amount, not null
     * @param currency the currency, not null, with a fixed number of fraction digits
     * @param rounding how to round digits the currency cannot hold, not null
     * @return the rounded amount, not null
     * @throws ArithmeticException if rounding is {@link RoundingMode#UNNECESSARY} and the amount
     *     needs rounding
     * @throws IllegalArgumentException if the currency has no fixed number of fraction digits
     */
    public static Money ofRounded(BigDecimal amount, Currency currency, RoundingMode rounding) {
        requireNonNull(amount, "amount");
        requireNonNull(rounding, "rounding");
        return new Money(amount.setScale(scaleOf(currency), rounding), currency);
    }

    /**
     * Parses the form {@link #toString()} writes: an upper-case ISO 4217 code, one space, and a
     * plain decimal amount, such as {@code "CAD 12.34"}, {@code "JPY 423"} or {@code "CAD -5"}.
     *
     * @param text the text, not null
     * @return the amount, not null
     * @throws IllegalArgumentException if the text is not in that form or names an unknown
     *     currency
     * @throws ArithmeticException if the amount has more significant decimals than the currency
     *     allows
     */
    public static Money parse(String text) {
        requireNonNull(text, "text");
        Matcher parts = CODE_AND_AMOUNT.matcher(text);
        if (!parts.matches()) {
            throw new IllegalArgumentException(
                    "Expected a currency code, one space and an amount, such as \"CAD 12.34\", but got \""
                            + text + "\"");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(parts.group(1));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "Unknown ISO 4217 currency code \"" + parts.group(1) + "\" in \"" + text + "\"");
        }
        return of(parts.group(2), currency);
    }

    /**
     * Obtains zero in a currency, such as {@code CAD 0.00}.
     *
     * @param currency the currency, not null, with a fixed number of fraction digits
     * @return zero at the currency's scale, not null
     * @throws IllegalArgumentException if the currency has no fixed number of fraction digits
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(scaleOf(currency)), currency);
    }

    /** @return the amount, never null, its scale always the currency's number of fraction digits */
    public BigDecimal getAmount() {
        return amount;
    }

    /** @return the currency, never null */
    public Currency getCurrency() {
        return currency;
    }

    /**
     * @param other the amount to add, not null, in this currency
     * @return the sum, not null
     * @throws CurrencyMismatchException if the other amount is in another currency
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * @param other the amount to subtract, not null, in this currency
     * @return the difference, not null, negative if the other amount is larger
     * @throws CurrencyMismatchException if the other amount is in another currency
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** @return this amount with the opposite sign; zero stays zero */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * Multiplies this amount, as for a fee percentage or an exchange rate, rounding the product
     * to the currency's scale as the caller says.
     *
     * @param factor the factor, not null
     * @param rounding how to round digits the currency cannot hold, not null
     * @return the product, not null
     * @throws ArithmeticException if rounding is {@link RoundingMode#UNNECESSARY} and the
     *     product needs rounding
     */
    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        requireNonNull(factor, "factor");
        requireNonNull(rounding, "rounding");
        return new Money(amount.multiply(factor).setScale(amount.scale(), rounding), currency);
    }

    /** @return whether the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** @return whether the amount is less than zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** @return whether the amount is greater than zero */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Compares amounts of the same currency by value.
     *
     * @param other the amount to compare with, not null, in this currency
     * @return negative, zero or positive as this amount is less than, equal to or greater than
     *     the other
     * @throws CurrencyMismatchException (an {@link IllegalArgumentException}) if the other amount
     *     is in another currency: there is no order between CAD 5.00 and USD 4.00 without a rate
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * Amounts are equal when their currencies and values are; because the scale is fixed per
     * currency, {@code CAD 1.5} equals {@code CAD 1.50}. Equal values in different currencies are
     * not equal.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Money money
                && currency.equals(money.currency)
                && amount.equals(money.amount);
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.hashCode();
    }

    /**
     * @return the currency code, one space and the plain amount at the currency's scale, such as
     *     {@code "CAD 12.34"}, {@code "JPY 423"} or {@code "CAD -1.50"}; {@link #parse} reads it
     *     back
     */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private void requireSameCurrency(Money other) {
        requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    private static int scaleOf(Currency currency) {
        requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode()
                    + " has no fixed number of decimal places and cannot be used as money");
        }
        return digits;
    }

    private static BigDecimal parseDecimal(String amount) {
        requireNonNull(amount, "amount");
        if (!DECIMAL.matcher(amount).matches()) {
            throw new IllegalArgumentException(
                    "Expected a plain decimal amount such as 12.34 or -0.5, but got \"" + amount + "\"");
        }
        return new BigDecimal(amount);
    }

    private static void requireNonNull(Object value, String parameter) {
        Objects.requireNonNull(value, () -> parameter + " must not be null");
    }
}
