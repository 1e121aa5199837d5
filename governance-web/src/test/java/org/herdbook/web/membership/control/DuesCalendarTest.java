package org.herdbook.web.membership.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.herdbook.web.membership.entity.Standing;
import org.junit.jupiter.api.Test;

class DuesCalendarTest {

    static final LocalDate PAID_ON = LocalDate.of(2026, 1, 31);

    @Test
    void aPaymentCoversWholeMonthsFromThePaymentDayOrFromTheEndOfWhatWasPaid() {
        assertThat(DuesCalendar.coversUntil(Optional.empty(), PAID_ON, 1)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(DuesCalendar.coversUntil(Optional.empty(), LocalDate.of(2026, 3, 1), 12))
                .isEqualTo(LocalDate.of(2027, 2, 28));
        // Paid early: the new months follow the old ones.
        assertThat(DuesCalendar.coversUntil(Optional.of(LocalDate.of(2026, 3, 14)), LocalDate.of(2026, 3, 1), 1))
                .isEqualTo(LocalDate.of(2026, 4, 14));
        // Paid the day after the paid period: still continuous.
        assertThat(DuesCalendar.coversUntil(Optional.of(LocalDate.of(2026, 3, 14)), LocalDate.of(2026, 3, 15), 1))
                .isEqualTo(LocalDate.of(2026, 4, 14));
        // After a gap the months start on the payment day.
        assertThat(DuesCalendar.coversUntil(Optional.of(LocalDate.of(2026, 3, 14)), LocalDate.of(2026, 5, 2), 1))
                .isEqualTo(LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> DuesCalendar.coversUntil(Optional.empty(), PAID_ON, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graceStartsTheDayAfterThePaidPeriodAndLapseWhenTheGraceDaysRunOut() {
        LocalDate paidUntil = LocalDate.of(2026, 3, 14);
        Optional<LocalDate> paid = Optional.of(paidUntil);
        assertThat(DuesCalendar.dueBy(paidUntil, Standing.ACTIVE, PAID_ON, paid, 30)).isEmpty();
        assertThat(DuesCalendar.dueBy(paidUntil.plusDays(1), Standing.ACTIVE, PAID_ON, paid, 30))
                .containsExactly(new DuesCalendar.Due(Standing.IN_GRACE, paidUntil.plusDays(1)));
        assertThat(DuesCalendar.dueBy(paidUntil.plusDays(30), Standing.ACTIVE, PAID_ON, paid, 30)).hasSize(1);
        assertThat(DuesCalendar.dueBy(paidUntil.plusDays(31), Standing.ACTIVE, PAID_ON, paid, 30)).containsExactly(
                new DuesCalendar.Due(Standing.IN_GRACE, paidUntil.plusDays(1)),
                new DuesCalendar.Due(Standing.LAPSED, paidUntil.plusDays(31)));
        assertThat(DuesCalendar.dueBy(paidUntil.plusDays(31), Standing.IN_GRACE, paidUntil.plusDays(1), paid, 30))
                .containsExactly(new DuesCalendar.Due(Standing.LAPSED, paidUntil.plusDays(31)));
    }

    @Test
    void nothingIsDueWithoutDuesOrForSomeoneWhoIsNotActive() {
        assertThat(DuesCalendar.dueBy(LocalDate.of(2030, 1, 1), Standing.ACTIVE, PAID_ON, Optional.empty(), 30))
                .isEmpty();
        Optional<LocalDate> long_ago = Optional.of(LocalDate.of(2020, 1, 1));
        for (Standing standing : new Standing[] {Standing.APPLICANT, Standing.LAPSED, Standing.RESIGNED,
                Standing.REMOVED}) {
            assertThat(DuesCalendar.dueBy(LocalDate.of(2030, 1, 1), standing, PAID_ON, long_ago, 30)).isEmpty();
        }
    }

    @Test
    void inGraceWithNothingPaidLapsesWhenTheGraceDaysFromItsStartRunOut() {
        LocalDate graceFrom = LocalDate.of(2026, 4, 10);
        assertThat(DuesCalendar.dueBy(graceFrom.plusDays(29), Standing.IN_GRACE, graceFrom, Optional.empty(), 30))
                .isEmpty();
        assertThat(DuesCalendar.dueBy(graceFrom.plusDays(30), Standing.IN_GRACE, graceFrom, Optional.empty(), 30))
                .containsExactly(new DuesCalendar.Due(Standing.LAPSED, graceFrom.plusDays(30)));
    }

    @Test
    void aChangeNeverTakesEffectBeforeTheLatestOne() {
        LocalDate reinstated = LocalDate.of(2026, 6, 1);
        assertThat(DuesCalendar.dueBy(LocalDate.of(2026, 6, 2), Standing.ACTIVE, reinstated,
                Optional.of(LocalDate.of(2026, 3, 14)), 0)).extracting(DuesCalendar.Due::effectiveOn)
                .containsOnly(reinstated);
    }
}
