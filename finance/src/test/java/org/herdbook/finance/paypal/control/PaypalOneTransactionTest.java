package org.herdbook.finance.paypal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.control.Ledger;
import org.herdbook.finance.ledger.entity.AccountPurpose;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.testing.Books;
import org.herdbook.finance.testing.TestPolicy;
import org.junit.jupiter.api.Test;

/**
 * One PayPal transaction (a webhook, the return page) is stored and booked in one statement:
 * the same rows, counts and refusals as a file's transactions, the database's triggers included.
 */
class PaypalOneTransactionTest {

    private static final Instant OCTOBER_14 = Instant.parse("2026-10-14T15:00:00Z");
    private static final Money CAD_20 = Money.parse("CAD 20.00");
    private static final Money CAD_0_88 = Money.parse("CAD 0.88");
    private static final Money CAD_19_12 = Money.parse("CAD 19.12");

    private final Books books = new Books();

    private static PaypalLine donation(String transactionId) {
        return new PaypalLine(transactionId, OCTOBER_14, LineKind.DONATION, "Donation Payment", "Completed", CAD_20,
                CAD_0_88.negate(), CAD_19_12, null, "Ada");
    }

    private static ImportReport deliver(PaypalImport paypal, Books books, PaypalLine line) {
        return books.database.inTransaction(() -> paypal.importLines("webhook", null, null, 1, 0, List.of(line),
                "paypal-webhook", true, ImportProgress.NONE));
    }

    private ImportReport deliver(PaypalLine line) {
        return deliver(books.paypal, books, line);
    }

    /** A PayPal import whose ledger hands out checks altered by {@code stale}, as if read before a change. */
    private PaypalImport readingStaleChecks(UnaryOperator<Ledger.Checks> stale) {
        Ledger ledger = new Ledger(books.database) {
            @Override
            public Ledger.Checks checks(Connection connection, String then, Ledger.Binder binder) throws SQLException {
                return stale.apply(super.checks(connection, then, binder));
            }
        };
        return new PaypalImport(books.database, ledger, TestPolicy.WINNIPEG);
    }

    @Test
    void aNewTransactionIsStoredAndBookedOnceWithGrossFeeAndNetInOrder() throws SQLException {
        ImportReport first = deliver(donation("ONE-1"));
        assertThat(first.imported()).isTrue();
        assertThat(first.newLines()).isEqualTo(1);
        assertThat(first.duplicates()).isZero();
        assertThat(first.booked()).isEqualTo(1);
        JournalEntry entry = books.ledger.entriesForPaypalTransaction("ONE-1").get(0);
        assertThat(entry.date()).as("the local date in Winnipeg").isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(entry.description()).isEqualTo("Donation Payment — Ada");
        assertThat(entry.recordedBy()).isEqualTo("paypal-import");
        assertThat(entry.postings()).containsExactly(Posting.debit("1010", CAD_19_12), Posting.debit("6000", CAD_0_88),
                Posting.credit("4100", CAD_20));
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line WHERE transaction_id = 'ONE-1'"
                + " AND line_date = '2026-10-14' AND gross = 20.00 AND fee = -0.88 AND net = 19.12 AND counterparty = 'Ada'"
                + " AND import_id = '" + first.id() + "'")).isEqualTo(1);
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_import WHERE id = '" + first.id()
                + "' AND source = 'webhook' AND outcome = 'imported' AND row_count = 1 AND new_lines = 1"
                + " AND duplicates = 0 AND booked = 1 AND skipped = 0 AND problems = '[]'")).isEqualTo(1);

        ImportReport again = deliver(donation("ONE-1"));
        assertThat(again.newLines()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.booked()).isZero();
        assertThat(books.ledger.entriesForPaypalTransaction("ONE-1")).hasSize(1);
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isEqualTo(1);
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_import WHERE new_lines = 0"
                + " AND duplicates = 1 AND booked = 0")).as("the second delivery's record").isEqualTo(1);
    }

    @Test
    void aTransactionAlreadyBookedFromElsewhereIsStoredButNotBookedAgain() throws SQLException {
        books.database.inTransaction(() -> books.ledger.book(NewEntry.manual(LocalDate.of(2026, 10, 14), OCTOBER_14,
                "Donation booked by hand", List.of(Posting.debit("1010", CAD_20), Posting.credit("4100", CAD_20)))
                .forPaypalTransaction("ONE-2"), "treasurer-1"));
        ImportReport report = deliver(donation("ONE-2"));
        assertThat(report.newLines()).isEqualTo(1);
        assertThat(report.booked()).isZero();
        assertThat(books.ledger.entriesForPaypalTransaction("ONE-2")).extracting(JournalEntry::description)
                .containsExactly("Donation booked by hand");
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isEqualTo(1);
    }

    @Test
    void aRefundBooksAgainstItsOriginalsAccount() {
        deliver(new PaypalLine("ONE-SUB", OCTOBER_14, LineKind.SUBSCRIPTION_PAYMENT, "Subscription Payment", "Completed",
                CAD_20, CAD_0_88.negate(), CAD_19_12, null, null));
        deliver(new PaypalLine("ONE-REF", OCTOBER_14.plusSeconds(3600), LineKind.REFUND, "Payment Refund", "Completed",
                CAD_20.negate(), CAD_0_88, CAD_19_12.negate(), "ONE-SUB", null));
        assertThat(books.ledger.entriesForPaypalTransaction("ONE-REF").get(0).postings()).containsExactly(
                Posting.credit("1010", CAD_19_12), Posting.credit("6000", CAD_0_88), Posting.debit("4000", CAD_20));
    }

    @Test
    void aNewTransactionInAMonthKnownToBeClosedIsRejectedAsInAFile() throws SQLException {
        books.database.inTransaction(() -> books.ledger.closeMonth(YearMonth.of(2026, 10), "t"));
        ImportReport report = deliver(donation("ONE-3"));
        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::code).containsExactly("closed-month");
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
    }

    @Test
    void theDatabaseRefusesAMonthClosedAfterTheChecksWereReadAndNothingIsStored() throws SQLException {
        books.database.inTransaction(() -> books.ledger.closeMonth(YearMonth.of(2026, 10), "t"));
        PaypalImport stale = readingStaleChecks(checks -> new Ledger.Checks(checks.active(), checks.byPurpose(), Set.of()));
        assertThatThrownBy(() -> deliver(stale, books, donation("ONE-4")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("finance.ledger.monthClosedInDatabase"));
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_import")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.posting")).isZero();
    }

    @Test
    void theDatabaseRefusesAnAccountThatDoesNotExistAndNothingIsStored() throws SQLException {
        PaypalImport stale = readingStaleChecks(checks -> {
            Map<String, Boolean> active = new HashMap<>(checks.active());
            active.put("4199", true);
            Map<String, String> byPurpose = new HashMap<>(checks.byPurpose());
            byPurpose.put(AccountPurpose.DONATIONS, "4199");
            return new Ledger.Checks(active, byPurpose, checks.closedMonths());
        });
        assertThatThrownBy(() -> deliver(stale, books, donation("ONE-5")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no account 4199");
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
    }
}
