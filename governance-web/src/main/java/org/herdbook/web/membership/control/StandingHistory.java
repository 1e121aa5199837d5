package org.herdbook.web.membership.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.herdbook.web.membership.entity.Standing;
import org.herdbook.web.membership.entity.StandingCause;

/**
 * A member's standing over time, read from their dated changes. Immutable.
 *
 * <p>A change holds from its day until the day before the next change; changes on the same day
 * apply in the order they were recorded, so the last one recorded for a day is the standing of
 * that day.
 */
public final class StandingHistory {

    /** "From {@code effectiveOn} on, the member is {@code standing}." */
    public record Change(Standing standing, LocalDate effectiveOn, StandingCause cause, String reason) {
    }

    /** A stretch of days with one standing; {@code until} is inclusive and empty while it lasts. */
    public record Period(Standing standing, LocalDate from, Optional<LocalDate> until, StandingCause cause,
            String reason) {
    }

    private final List<Change> changes;

    /** @param changes in the order they were recorded; sorted here by day, stable for one day */
    public StandingHistory(List<Change> changes) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::effectiveOn));
        this.changes = List.copyOf(sorted);
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The standing on {@code day}; empty before the first change. */
    public Optional<Standing> on(LocalDate day) {
        return indexOn(day).map(index -> changes.get(index).standing());
    }

    /** The day the latest change took effect; empty without changes. */
    public Optional<LocalDate> lastChangeDay() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1).effectiveOn());
    }

    /** The latest change's standing (which may take effect in the future). */
    public Optional<Standing> latest() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1).standing());
    }

    /**
     * The first day of the unbroken membership (active or in grace) that includes {@code day};
     * empty when the person is not a member that day.
     */
    public Optional<LocalDate> memberSince(LocalDate day) {
        Optional<Integer> found = indexOn(day);
        if (found.isEmpty() || !changes.get(found.get()).standing().isMembership()) {
            return Optional.empty();
        }
        int start = found.get();
        while (start > 0 && changes.get(start - 1).standing().isMembership()) {
            start--;
        }
        return Optional.of(changes.get(start).effectiveOn());
    }

    /**
     * The history as periods, oldest first. A change overtaken on its own day (removed, then
     * reinstated on appeal the same day) is kept, as a period of that one day: the history shows
     * every decision, while {@link #on} gives the day's final standing.
     */
    public List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Optional<LocalDate> until = i + 1 < changes.size()
                    ? Optional.of(later(changes.get(i + 1).effectiveOn().minusDays(1), change.effectiveOn()))
                    : Optional.empty();
            periods.add(new Period(change.standing(), change.effectiveOn(), until, change.cause(), change.reason()));
        }
        return periods;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Optional<Integer> indexOn(LocalDate day) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (!changes.get(i).effectiveOn().isAfter(day)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
