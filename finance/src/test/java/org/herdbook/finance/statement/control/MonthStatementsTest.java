package org.herdbook.finance.statement.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.statement.entity.MonthStatement;
import org.herdbook.finance.testing.Books;
import org.junit.jupiter.api.Test;

class MonthStatementsTest {

    private final Books books = new Books();
    private final MonthStatements statements = new MonthStatements(books.database, books.policy);

    private void book(LocalDate date, String description, Posting... postings) {
        books.database.inTransaction(() -> books.ledger.book(NewEntry.manual(date, Instant.now(), description,
                List.of(postings)), "t"));
    }

    private static Money cad(String amount) {
        return Money.parse("CAD " + amount);
    }

    @Test
    void readsTheMonthFromTheLedgerWithSponsorshipsCountedNotSummed() {
        // A donation with its PayPal fee: gross to donations, fee to fees, net to PayPal.
        book(LocalDate.of(2026, 3, 2), "donation", Posting.debit("1010", cad("48.25")), Posting.debit("6000", cad("1.75")),
                Posting.credit("4100", cad("50.00")));
        book(LocalDate.of(2026, 3, 31), "donation", Posting.debit("1000", cad("5.00")), Posting.credit("4100", cad("5.00")));
        book(LocalDate.of(2026, 3, 15), "dues", Posting.debit("1000", cad("30.00")), Posting.credit("4000", cad("30.00")));
        book(LocalDate.of(2026, 3, 16), "sponsor", Posting.debit("1000", cad("7777.77")), Posting.credit("4200", cad("7777.77")));
        book(LocalDate.of(2026, 3, 17), "grant", Posting.debit("1000", cad("100.00")), Posting.credit("4900", cad("100.00")));
        book(LocalDate.of(2026, 3, 20), "compute", Posting.debit("5000", cad("600.00")), Posting.credit("1000", cad("600.00")));
        book(LocalDate.of(2026, 4, 1), "April", Posting.debit("1000", cad("1.00")), Posting.credit("4100", cad("1.00")));
        book(LocalDate.of(2026, 2, 28), "February", Posting.debit("1000", cad("20.00")), Posting.credit("4000", cad("20.00")));

        MonthStatement march = statements.of(YearMonth.of(2026, 3));

        assertThat(march.closed()).isFalse();
        assertThat(march.dues()).isEqualTo(cad("30.00"));
        assertThat(march.donations()).isEqualTo(cad("55.00"));
        assertThat(march.otherIncome()).isEqualTo(cad("100.00"));
        assertThat(march.sponsorshipPayments()).isEqualTo(1);
        assertThat(march.fees()).isEqualTo(cad("1.75"));
        assertThat(march.donationAmounts()).containsExactly(cad("50.00"), cad("5.00"));
        assertThat(march.expenses()).singleElement().satisfies(line -> {
            assertThat(line.accountCode()).isEqualTo("5000");
            assertThat(line.vendor()).isNull();
            assertThat(line.note()).isEqualTo("compute");
            assertThat(line.amount()).isEqualTo(cad("600.00"));
        });
        assertThat(march.cashOnHand()).isEqualTo(cad("7381.02"));
        assertThat(march.averageMonthlyExpenses()).as("(600 + 1.75) / 3").isEqualTo(cad("200.58"));
        assertThat(march.runwayMonths()).isEqualByComparingTo("36.7");
        assertThat(march.publicRevenueHistory()).hasSize(12);
        assertThat(march.publicRevenueHistory().get(11).amount()).as("sponsorship left out").isEqualTo(cad("185.00"));
        assertThat(march.publicRevenueHistory().get(10).amount()).isEqualTo(cad("20.00"));
        assertThat(march.toString()).doesNotContain("7777");
    }

    @Test
    void anEmptyMonthIsAllZeros() {
        MonthStatement empty = statements.of(YearMonth.of(2026, 5));
        assertThat(empty.dues().isZero()).isTrue();
        assertThat(empty.expenses()).isEmpty();
        assertThat(empty.donationAmounts()).isEmpty();
        assertThat(empty.runwayMonths()).isNull();
    }

    @Test
    void aClosedMonthSaysSo() {
        books.database.inTransaction(() -> books.ledger.closeMonth(YearMonth.of(2026, 1), "t"));
        assertThat(statements.of(YearMonth.of(2026, 1)).closed()).isTrue();
    }
}
