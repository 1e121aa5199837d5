package org.herdbook.reports.period;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A calendar month of a foundation, in the time zone the foundation keeps its books in, such as
 * March 2026 in {@code America/Toronto}.
 *
 * <p>The month covers the instants from {@link #startInclusive()} up to, but not including,
 * {@link #endExclusive()}: from the first moment of its first day to the first moment of the
 * next month's first day, both as that zone's clocks show them. Two months are equal when both
 * the calendar month and the zone are.
 *
 * <p>Every parameter must be non-null; a null one is refused with a {@link NullPointerException}
 * naming it.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param yearMonth the calendar month, not null
 * @param zone the time zone the month is read in, not null
 */
public record ReportMonth(YearMonth yearMonth, ZoneId zone) {

    /** The written form: a four-digit year, a hyphen, a two-digit month. */
    private static final Pattern WRITTEN = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /**
     * @throws NullPointerException if either component is null
     */
    public ReportMonth {
        Objects.requireNonNull(yearMonth, "yearMonth must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
    }

    /**
     * The month in which an instant falls, as the clocks of a zone show it.
     *
     * @param instant the instant, not null
     * @param zone the time zone, not null
     * @return the month containing the instant, not null
     */
    public static ReportMonth containing(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        return new ReportMonth(YearMonth.from(instant.atZone(zone)), zone);
    }

    /**
     * Reads a month written as {@code YYYY-MM}, such as {@code 2026-03}.
     *
     * <p>Only that form is accepted: four ASCII digits for the year and two for the month, no
     * sign, no day, no surrounding spaces. A person who wrote something else is told
     * {@code reports.period.invalidMonth}.
     *
     * @param text the month, not null
     * @param zone the time zone of the foundation, not null
     * @return the month, not null
     * @throws IllegalArgumentException if the text is not a month in that form
     */
    public static ReportMonth parse(String text, ZoneId zone) {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        String problem = "Expected a month written as YYYY-MM, such as 2026-03, but got \"" + text + "\"";
        if (!WRITTEN.matcher(text).matches()) {
            throw new IllegalArgumentException(problem);
        }
        try {
            return new ReportMonth(YearMonth.parse(text), zone);
        } catch (DateTimeParseException noSuchMonth) {
            throw new IllegalArgumentException(problem, noSuchMonth);
        }
    }

    /**
     * @return the first instant of the month: the start of its first day in the zone, which is
     *     later than midnight where the zone skips midnight that day
     */
    public Instant startInclusive() {
        return yearMonth.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** @return the first instant after the month, which is the next month's {@link #startInclusive()} */
    public Instant endExclusive() {
        return next().startInclusive();
    }

    /**
     * @param instant the instant, not null
     * @return whether the instant is at or after the start of the month and before its end
     */
    public boolean contains(Instant instant) {
        Objects.requireNonNull(instant, "instant must not be null");
        return !instant.isBefore(startInclusive()) && instant.isBefore(endExclusive());
    }

    /** @return the month before this one, in the same zone */
    public ReportMonth previous() {
        return new ReportMonth(yearMonth.minusMonths(1), zone);
    }

    /** @return the month after this one, in the same zone */
    public ReportMonth next() {
        return new ReportMonth(yearMonth.plusMonths(1), zone);
    }

    /** @return the month and the zone, such as {@code "2026-03 America/Toronto"} */
    @Override
    public String toString() {
        return yearMonth + " " + zone.getId();
    }
}
