package org.herdbook.finance.ledger.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herdbook.finance.testing.TestMoney.CAD_10;
import static org.herdbook.finance.testing.TestMoney.CAD_25;
import static org.herdbook.finance.testing.TestMoney.USD_10;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.entity.AccountKind;
import org.herdbook.finance.ledger.entity.EntrySource;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.testing.Books;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final LocalDate OCTOBER_5 = LocalDate.of(2026, 10, 5);
    private static final String BANK = "1000";
    private static final String PAYPAL = "1010";
    private static final String DONATIONS = "4100";
    private static final String CONVERSION = "3900";
    private static final String HOSTING = "5000";

    private final Books books = new Books();

    private JournalEntry donation(LocalDate date, Money amount) {
        return books.database.inTransaction(() -> books.ledger.book(NewEntry.manual(date, Instant.now(), "Cheque donation",
                List.of(Posting.debit(BANK, amount), Posting.credit(DONATIONS, amount))), "treasurer-1"));
    }

    @Test
    void aBalancedEntryIsBookedWithItsDates() {
        JournalEntry entry = donation(OCTOBER_5, CAD_25);
        assertThat(entry.postings()).containsExactly(Posting.debit(BANK, CAD_25), Posting.credit(DONATIONS, CAD_25));
        assertThat(entry.date()).isEqualTo(OCTOBER_5);
        assertThat(entry.recordedAt()).isNotNull();
        assertThat(entry.recordedBy()).isEqualTo("treasurer-1");
        assertThat(books.ledger.balance(BANK, OCTOBER_5)).containsEntry(CAD_25.getCurrency(), CAD_25);
    }

    @Test
    void anUnbalancedEntryIsRefusedAndNothingIsStored() throws SQLException {
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.ledger.book(NewEntry.manual(OCTOBER_5,
                Instant.now(), "Typo", List.of(Posting.debit(BANK, CAD_25), Posting.credit(DONATIONS, CAD_10))), "t")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("finance.ledger.unbalanced");
                    assertThat(refusal.arguments()).containsExactly("CAD", "15.00");
                });
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
    }

    @Test
    void theDatabaseItselfRefusesAnUnbalancedEntry() throws SQLException {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> books.database.execute("BEGIN;"
                + "INSERT INTO finance.journal_entry (id, entry_date, occurred_at, description, source, recorded_by)"
                + " VALUES ('" + id + "', '2026-10-05', now(), 'sneaky', 'manual', 'x');"
                + "INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount) VALUES"
                + " ('" + id + "', '2026-10-05', '1000', 'CAD', 25), ('" + id + "', '2026-10-05', '4100', 'CAD', -10);"
                + "COMMIT;"))
                .isInstanceOf(SQLException.class).hasMessageContaining("does not balance in CAD");
        assertThat(books.database.count("SELECT count(*) FROM finance.posting")).isZero();
    }

    @Test
    void theDatabaseRefusesPostingsWithoutTheirEntryOffItsDateOrOnAnUnknownAccount() throws SQLException {
        UUID id = UUID.randomUUID();
        String entry = "INSERT INTO finance.journal_entry (id, entry_date, occurred_at, description, source, recorded_by)"
                + " VALUES ('" + id + "', '2026-10-05', now(), 'sneaky', 'manual', 'x');";
        assertThatThrownBy(() -> books.database.execute("BEGIN;"
                + "INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount) VALUES"
                + " ('" + UUID.randomUUID() + "', '2026-10-05', '1000', 'CAD', 10), ('" + id + "', '2026-10-05', '4100', 'CAD', -10);"
                + "COMMIT;"))
                .isInstanceOf(SQLException.class).hasMessageContaining("have no such entry");
        assertThatThrownBy(() -> books.database.execute("BEGIN;" + entry
                + "INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount) VALUES"
                + " ('" + id + "', '2026-10-05', '1000', 'CAD', 10), ('" + id + "', '2026-10-06', '4100', 'CAD', -10);"
                + "COMMIT;"))
                .isInstanceOf(SQLException.class).hasMessageContaining("not dated on its date");
        assertThatThrownBy(() -> books.database.execute("BEGIN;" + entry
                + "INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount) VALUES"
                + " ('" + id + "', '2026-10-05', '1000', 'CAD', 10), ('" + id + "', '2026-10-05', '9999', 'CAD', -10);"
                + "COMMIT;"))
                .isInstanceOf(SQLException.class).hasMessageContaining("no account 9999");
        assertThat(books.database.count("SELECT count(*) FROM finance.posting")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
    }

    @Test
    void eachCurrencyBalancesOnItsOwn() {
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.ledger.book(NewEntry.manual(OCTOBER_5,
                Instant.now(), "Mixed", List.of(Posting.debit(PAYPAL, USD_10), Posting.credit(DONATIONS, CAD_10))), "t")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.ledger.unbalanced"));
    }

    @Test
    void aConversionIsItsOwnEntryThroughTheConversionAccountWithTheRate() {
        Money cad = Money.parse("CAD 100.00");
        Money usd = Money.parse("USD 73.00");
        NewEntry conversion = new NewEntry(UUID.randomUUID(), OCTOBER_5, Instant.now(), "Conversion", EntrySource.MANUAL,
                null, null, new BigDecimal("0.73"), List.of(Posting.credit(PAYPAL, cad), Posting.debit(CONVERSION, cad),
                        Posting.debit(PAYPAL, usd), Posting.credit(CONVERSION, usd)));
        JournalEntry booked = books.database.inTransaction(() -> books.ledger.book(conversion, "t"));
        assertThat(booked.exchangeRate()).isEqualByComparingTo("0.73");
        assertThat(books.ledger.balance(PAYPAL, OCTOBER_5)).containsValues(Money.parse("CAD -100.00"), usd);
    }

    @Test
    void postingsAndEntriesCannotBeUpdatedDeletedOrTruncated() {
        JournalEntry entry = donation(OCTOBER_5, CAD_25);
        for (String attack : List.of(
                "UPDATE finance.posting SET amount = 1000 WHERE entry_id = '" + entry.id() + "'",
                "DELETE FROM finance.posting WHERE entry_id = '" + entry.id() + "'",
                "UPDATE finance.journal_entry SET description = 'changed' WHERE id = '" + entry.id() + "'",
                "DELETE FROM finance.journal_entry WHERE id = '" + entry.id() + "'",
                "TRUNCATE finance.posting CASCADE",
                "TRUNCATE finance.journal_entry CASCADE")) {
            assertThatThrownBy(() -> books.database.execute(attack)).as(attack)
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(books.ledger.entry(entry.id())).get().isEqualTo(entry);
    }

    @Test
    void aCorrectionIsAReversingEntryLinkedToTheOriginalAndHappensOnce() {
        JournalEntry original = donation(OCTOBER_5, CAD_25);
        JournalEntry reversal = books.database.inTransaction(() ->
                books.ledger.reverse(original.id(), LocalDate.of(2026, 10, 6), "Cheque bounced", "t"));
        assertThat(reversal.reverses()).isEqualTo(original.id());
        assertThat(reversal.source()).isEqualTo(EntrySource.REVERSAL);
        assertThat(reversal.postings()).containsExactly(Posting.credit(BANK, CAD_25), Posting.debit(DONATIONS, CAD_25));
        assertThat(books.ledger.balance(BANK, LocalDate.of(2026, 10, 31))).containsValue(Money.parse("CAD 0.00"));
        assertThat(books.ledger.entry(original.id())).get().isEqualTo(original);
        assertThatThrownBy(() -> books.database.inTransaction(() ->
                books.ledger.reverse(original.id(), LocalDate.of(2026, 10, 7), null, "t")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.ledger.alreadyReversed"));
        assertThatThrownBy(() -> books.database.inTransaction(() ->
                books.ledger.reverse(reversal.id(), LocalDate.of(2026, 10, 7), null, "t")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aClosedMonthAcceptsNoPostingEvenStraightIntoTheDatabase() throws SQLException {
        donation(OCTOBER_5, CAD_25);
        books.database.inTransaction(() -> books.ledger.closeMonth(YearMonth.of(2026, 10), "t"));
        assertThat(books.ledger.isClosed(YearMonth.of(2026, 10))).isTrue();
        assertThatThrownBy(() -> donation(LocalDate.of(2026, 10, 31), CAD_10))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(refusal.messageKey()).isEqualTo("finance.ledger.monthClosed");
                });
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> books.database.execute(
                "INSERT INTO finance.journal_entry (id, entry_date, occurred_at, description, source, recorded_by)"
                        + " VALUES ('" + id + "', '2026-10-20', now(), 'late', 'manual', 'x')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> books.database.execute("DELETE FROM finance.closed_month"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(donation(LocalDate.of(2026, 11, 1), CAD_10).date()).as("the next month is open")
                .isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isEqualTo(2);
    }

    @Test
    void theTreasurerEditsTheChartOfAccountsInBothLanguages() {
        assertThat(books.chart.all()).extracting(account -> account.code())
                .contains("1000", "1010", "4000", "4100", "4200", "5000", "5010", "5020", "5030", "5100", "5200",
                        "5300", "5400", "5500", "5900", "6000");
        books.chart.add("5600", AccountKind.EXPENSE, "Accessibility audits", "Audits d’accessibilité");
        books.chart.rename(HOSTING, "Hosting — servers", "Hébergement — serveurs", true);
        assertThat(books.chart.byCode(HOSTING)).get().extracting(account -> account.name(java.util.Locale.FRENCH))
                .isEqualTo("Hébergement — serveurs");
        assertThatThrownBy(() -> books.chart.add("5600", AccountKind.EXPENSE, "Again", "Encore"))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> books.chart.rename(PAYPAL, "PayPal", "PayPal", false))
                .as("bookkeeping needs the PayPal account").isInstanceOf(Refusal.class);
    }

    @Test
    void theChecksReadInOneStatementAreTheAccountsTheirPurposesAndTheClosedMonths() throws SQLException {
        books.database.inTransaction(() -> books.ledger.closeMonth(YearMonth.of(2026, 9), "t"));
        books.chart.rename(HOSTING, "Hosting", "Hébergement", false);
        Ledger.Checks checks;
        try (var connection = books.database.getConnection()) {
            checks = books.ledger.checks(connection);
        }
        assertThat(checks.active()).containsEntry(PAYPAL, true).containsEntry(HOSTING, false).containsKey(DONATIONS);
        assertThat(checks.byPurpose()).containsEntry("paypal", PAYPAL).containsEntry("donations", DONATIONS);
        assertThat(checks.closedMonths()).containsExactly(YearMonth.of(2026, 9));
        assertThatThrownBy(() -> books.database.inTransaction(() -> {
            try (var connection = books.database.getConnection()) {
                books.ledger.bookAll(connection, List.of(NewEntry.manual(OCTOBER_5, Instant.now(), "Servers", List.of(
                        Posting.debit(HOSTING, CAD_10), Posting.credit(BANK, CAD_10)))), "treasurer-1", checks);
            }
            return null;
        })).as("an inactive account is refused as read in the checks")
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("finance.accounts.inactive"));
    }
}
