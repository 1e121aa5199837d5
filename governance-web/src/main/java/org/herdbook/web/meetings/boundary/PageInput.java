package org.herdbook.web.meetings.boundary;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.api.InvalidInput;

/** Form fields as pages send them (text), read into values; malformed ones are refused with a reason. */
public final class PageInput {

    private PageInput() {
    }

    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of("validation.date.invalid"));
        }
    }

    public static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of("validation.time.invalid"));
        }
    }

    public static UUID id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Integer count(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(List.of("validation.vote-counts.invalid"));
        }
    }

    /**
     * A date and time typed in the foundation's time zone ({@code 2026-12-08T09:00}).
     *
     * @return the instant, or null when nothing was typed
     * @throws InvalidInput {@code validation.ballot-closes.invalid} when it is not a date and time
     */
    public static Instant instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInput(List.of("validation.ballot-closes.invalid"));
        }
    }
}
