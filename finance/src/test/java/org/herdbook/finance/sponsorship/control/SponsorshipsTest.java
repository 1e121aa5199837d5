package org.herdbook.finance.sponsorship.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.sponsorship.entity.Sponsorship;
import org.herdbook.finance.testing.Books;
import org.junit.jupiter.api.Test;

class SponsorshipsTest {

    private final Books books = new Books();

    @Test
    void sponsorsArePublicByNameOrAnonymous() {
        books.sponsorships.record("Acme Hosting Ltd", "Acme", false, Money.parse("CAD 1200.00"), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "t");
        books.sponsorships.record("Jane Doe", null, true, Money.parse("CAD 300.00"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), "t");
        assertThat(books.sponsorships.all()).extracting(Sponsorship::shownName).as("newest period first").containsExactly(null, "Acme");
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThatThrownBy(() -> books.sponsorships.record("X", null, false, Money.parse("CAD 1.00"), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), "t")).isInstanceOf(Refusal.class);
    }
}
