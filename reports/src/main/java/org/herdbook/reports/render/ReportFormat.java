package org.herdbook.reports.render;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, amounts and months as a reader of one language writes them: {@code $1,234.50} and
 * {@code 1 234,50 $} (Canadian English and French conventions, where the foundation keeps its
 * books), {@code March 2026} and {@code mars 2026}. Spaces inside numbers are no-break spaces
 * (U+00A0), never the narrow one some JDKs use, so every font shows them. Thread-safe.
 */
public final class ReportFormat {

    private static final char NO_BREAK_SPACE = '\u00a0';
    private static final char NARROW_NO_BREAK_SPACE = '\u202f';

    private final Locale locale;

    private ReportFormat(Locale locale) {
        this.locale = locale;
    }

    /** English, or French for any French locale. */
    public static ReportFormat of(Locale language) {
        return new ReportFormat("fr".equals(language.getLanguage()) ? Locale.CANADA_FRENCH : Locale.CANADA);
    }

    public Locale locale() {
        return locale;
    }

    public boolean french() {
        return "fr".equals(locale.getLanguage());
    }

    /** An amount with its currency, at the currency's scale; an em dash for none. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency code = Currency.getInstance(currency);
        format.setCurrency(code);
        format.setMinimumFractionDigits(code.getDefaultFractionDigits());
        format.setMaximumFractionDigits(code.getDefaultFractionDigits());
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            // One symbol in both languages: the JDK writes CAD as "$ CA" in French, which Canadians do not.
            symbols.setCurrencySymbol(code.getSymbol(Locale.CANADA));
            decimal.setDecimalFormatSymbols(symbols);
        }
        return spaces(format.format(amount));
    }

    /** A whole number with grouping. */
    public String count(long value) {
        return spaces(NumberFormat.getIntegerInstance(locale).format(value));
    }

    /** A count that may not have been entered: an em dash when null. */
    public String count(Long value) {
        return value == null ? "—" : count(value.longValue());
    }

    /** A decimal with one fraction digit (runway months); an em dash for none. */
    public String oneDecimal(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return spaces(format.format(value));
    }

    /** {@code March 2026} / {@code mars 2026}. */
    public String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
    }

    /** Three-letter month for chart axes: {@code Mar} / {@code mars}. */
    public String shortMonth(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM", locale).format(month).replace(".", "");
    }

    private static String spaces(String text) {
        return text.replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE).replace(' ', NO_BREAK_SPACE);
    }
}
