package org.herdbook.web.membership.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.herdbook.web.membership.entity.Standing;

/**
 * How dues move a general member's standing: a payment covers whole months from the end of what
 * was already paid (or from the payment day after a gap); the day after the paid period the member
 * is in grace; when the grace days run out, lapsed. A member put in grace with nothing paid at all
 * (their only payment was refunded) lapses when the grace days counted from that day run out.
 */
public final class DuesCalendar {

    /** A change the calendar asks for: {@code standing} from {@code effectiveOn}. */
    public record Due(Standing standing, LocalDate effectiveOn) {
    }

    private DuesCalendar() {
    }

    /** The last day covered by a payment of {@code months} months made on {@code paidOn}. */
    public static LocalDate coversUntil(Optional<LocalDate> paidUntil, LocalDate paidOn, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a payment covers at least one month");
        }
        LocalDate start = paidUntil.filter(until -> !until.isBefore(paidOn.minusDays(1)))
                .map(until -> until.plusDays(1)).orElse(paidOn);
        return start.plusMonths(months).minusDays(1);
    }

    /**
     * The changes due by {@code today} for a member whose latest standing is {@code current}
     * (in effect since {@code since}) and whose dues are paid until {@code paidUntil}.
     */
    public static List<Due> dueBy(LocalDate today, Standing current, LocalDate since, Optional<LocalDate> paidUntil,
            int graceDays) {
        List<Due> due = new ArrayList<>();
        if (paidUntil.isEmpty()) {
            // In grace with nothing paid (the only payment was refunded): the grace days count from its start.
            if (current == Standing.IN_GRACE && !today.isBefore(since.plusDays(graceDays))) {
                due.add(new Due(Standing.LAPSED, since.plusDays(graceDays)));
            }
            return due;
        }
        LocalDate graceStarts = paidUntil.get().plusDays(1);
        LocalDate lapses = graceStarts.plusDays(graceDays);
        Standing standing = current;
        LocalDate from = since;
        if (standing == Standing.ACTIVE && !today.isBefore(graceStarts)) {
            from = later(graceStarts, from);
            due.add(new Due(Standing.IN_GRACE, from));
            standing = Standing.IN_GRACE;
        }
        if (standing == Standing.IN_GRACE && !today.isBefore(lapses)) {
            due.add(new Due(Standing.LAPSED, later(lapses, from)));
        }
        return due;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
