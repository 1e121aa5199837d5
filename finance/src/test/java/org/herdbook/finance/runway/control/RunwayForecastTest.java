package org.herdbook.finance.runway.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.runway.entity.Runway;
import org.herdbook.finance.testing.Books;
import org.junit.jupiter.api.Test;

class RunwayForecastTest {

    private final Books books = new Books();

    private void book(LocalDate date, String debit, String credit, String amount) {
        books.database.inTransaction(() -> books.ledger.book(NewEntry.manual(date, Instant.now(), "x", List.of(
                Posting.debit(debit, Money.parse(amount)), Posting.credit(credit, Money.parse(amount)))), "t"));
    }

    @Test
    void cashOnHandOverTheTrailingThreeMonthAverageOfExpenses() {
        book(LocalDate.of(2026, 6, 1), "1000", "4100", "CAD 10000.00");
        book(LocalDate.of(2026, 6, 2), "1010", "4000", "CAD 2000.00");
        book(LocalDate.of(2026, 7, 10), "5000", "1000", "CAD 900.00");
        book(LocalDate.of(2026, 8, 10), "5000", "1000", "CAD 1000.00");
        book(LocalDate.of(2026, 9, 10), "5100", "1010", "CAD 1100.00");
        book(LocalDate.of(2026, 10, 2), "5000", "1000", "CAD 5000.00");
        book(LocalDate.of(2026, 6, 3), "1010", "4100", "USD 50.00");

        Runway runway = books.runway.asOf(LocalDate.of(2026, 10, 15));
        assertThat(runway.cashOnHand()).isEqualTo(Money.parse("CAD 4000.00"));
        assertThat(runway.monthlyExpenses()).as("July to September").isEqualTo(Money.parse("CAD 1000.00"));
        assertThat(runway.months()).isEqualByComparingTo("4.0");
        assertThat(runway.targetMonths()).isEqualTo(6);
        assertThat(runway.meetsTarget()).isFalse();
        assertThat(runway.otherCurrencies()).containsExactly(Money.parse("USD 50.00"));
    }

    @Test
    void withoutExpensesThereIsNoRunwayFigure() {
        Runway runway = books.runway.asOf(LocalDate.of(2026, 10, 15));
        assertThat(runway.months()).isNull();
        assertThat(runway.meetsTarget()).isTrue();
    }
}
