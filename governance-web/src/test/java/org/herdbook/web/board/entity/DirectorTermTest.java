package org.herdbook.web.board.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectorTermTest {

    static final UUID ANNE = UUID.randomUUID();
    static final UUID SECRETARY = UUID.randomUUID();
    static final LocalDate FIRST = LocalDate.of(2025, 6, 1);
    static final LocalDate LAST = LocalDate.of(2027, 5, 31);

    @Test
    void aTermIncludesItsFirstAndLastDay() {
        DirectorTerm term = new DirectorTerm(ANNE, null, FIRST, LAST, SECRETARY);
        assertThat(term.servesOn(FIRST.minusDays(1))).isFalse();
        assertThat(term.servesOn(FIRST)).isTrue();
        assertThat(term.servesOn(LAST)).isTrue();
        assertThat(term.servesOn(LAST.plusDays(1))).isFalse();
    }

    @Test
    void aResignationEndsTheTermTheDayBefore() {
        DirectorTerm term = new DirectorTerm(ANNE, null, FIRST, LAST, SECRETARY);
        term.resign(LocalDate.of(2026, 1, 10));
        assertThat(term.servesOn(LocalDate.of(2026, 1, 9))).isTrue();
        assertThat(term.servesOn(LocalDate.of(2026, 1, 10))).isFalse();
        assertThat(term.lastDay()).isEqualTo(LocalDate.of(2026, 1, 9));
        // The past is unchanged: on a day in 2025 Anne was on the board.
        assertThat(term.servesOn(LocalDate.of(2025, 12, 1))).isTrue();
    }

    @Test
    void overlapsAreJudgedOnTheDaysActuallyServed() {
        DirectorTerm term = new DirectorTerm(ANNE, null, FIRST, LAST, SECRETARY);
        assertThat(term.overlaps(LAST, LAST.plusYears(2))).isTrue();
        assertThat(term.overlaps(LAST.plusDays(1), LAST.plusYears(2))).isFalse();
        term.resign(LocalDate.of(2026, 1, 10));
        assertThat(term.overlaps(LocalDate.of(2026, 1, 10), LAST)).isFalse();
    }
}
