package org.herdbook.web.meetings.control;

import java.time.LocalDate;

/**
 * The bylaws' notice window of a general meeting: notice is given at least {@code minDays} and at
 * most {@code maxDays} days before the meeting day, days counted in the foundation's time zone.
 * For a meeting on day D, the first day notice may go is D - maxDays, the last D - minDays.
 */
public record NoticeWindow(int minDays, int maxDays) {

    /** Where a day stands against the window of a meeting. */
    public enum Position {
        TOO_EARLY, OPEN, TOO_LATE
    }

    public NoticeWindow {
        if (minDays < 0 || maxDays <= minDays) {
            throw new IllegalArgumentException("notice window " + minDays + "-" + maxDays);
        }
    }

    public LocalDate firstDay(LocalDate meetingDay) {
        return meetingDay.minusDays(maxDays);
    }

    public LocalDate lastDay(LocalDate meetingDay) {
        return meetingDay.minusDays(minDays);
    }

    public Position on(LocalDate day, LocalDate meetingDay) {
        if (day.isBefore(firstDay(meetingDay))) {
            return Position.TOO_EARLY;
        }
        return day.isAfter(lastDay(meetingDay)) ? Position.TOO_LATE : Position.OPEN;
    }

    /** Whether notice given on {@code today} or later can still reach the window (scheduling's rule). */
    public boolean canStillBeGiven(LocalDate today, LocalDate meetingDay) {
        return on(today, meetingDay) != Position.TOO_LATE;
    }
}
