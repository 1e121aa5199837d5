package org.herdbook.finance.paypal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herdbook.finance.testing.Fixtures.englishRow;
import static org.herdbook.finance.testing.Fixtures.englishWith;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.testing.Books;
import org.herdbook.finance.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaypalImportTest {

    private final Books books = new Books();

    private ImportReport importFile(byte[] content) {
        return books.database.inTransaction(() -> books.paypal.importActivity(content, "activity.csv", "treasurer-1", true,
                ImportProgress.NONE));
    }

    private JournalEntry entryFor(String transactionId) {
        return books.ledger.entriesForPaypalTransaction(transactionId).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyTransactionBecomesOneBalancedEntryWithGrossFeeAndNet(String language) throws SQLException {
        ImportReport report = importFile(Fixtures.bytes("activity-" + language + ".csv"));
        String p = language.toUpperCase() + "-";
        assertThat(report.imported()).isTrue();
        assertThat(report.rows()).isEqualTo(13);
        assertThat(report.newLines()).isEqualTo(12);
        assertThat(report.booked()).isEqualTo(12);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isEqualTo(12);

        assertThat(entryFor(p + "SUB-1").postings()).containsExactlyInAnyOrder(
                Posting.debit("1010", Money.parse("CAD 9.41")), Posting.debit("6000", Money.parse("CAD 0.59")),
                Posting.credit("4000", Money.parse("CAD 10.00")));
        assertThat(entryFor(p + "DON-1").postings()).contains(Posting.credit("4100", Money.parse("CAD 50.00")));
        assertThat(entryFor(p + "GEN-2").postings()).as("money sent is an expense").containsExactlyInAnyOrder(
                Posting.credit("1010", Money.parse("CAD 15.00")), Posting.debit("5900", Money.parse("CAD 15.00")));
        assertThat(entryFor(p + "REF-1").postings()).as("a refund books against the original's account")
                .containsExactlyInAnyOrder(Posting.credit("1010", Money.parse("CAD 48.55")),
                        Posting.credit("6000", Money.parse("CAD 1.45")), Posting.debit("4100", Money.parse("CAD 50.00")));
        assertThat(entryFor(p + "REV-1").postings()).contains(Posting.debit("4000", Money.parse("CAD 10.00")));
        assertThat(entryFor(p + "WD-1").postings()).contains(Posting.debit("1000", Money.parse("CAD 500.00")));
        assertThat(entryFor(p + "HOLD-1").postings()).contains(Posting.debit("1020", Money.parse("CAD 100.00")));
        assertThat(entryFor(p + "REL-1").postings()).contains(Posting.credit("1020", Money.parse("CAD 100.00")));
        JournalEntry from = entryFor(p + "CONV-1");
        JournalEntry to = entryFor(p + "CONV-2");
        assertThat(from.exchangeRate()).as("the rate PayPal applied").isEqualByComparingTo("0.73");
        assertThat(to.exchangeRate()).isEqualByComparingTo("0.73");
        assertThat(from.postings()).contains(Posting.debit("3900", Money.parse("CAD 100.00")));
        assertThat(to.postings()).contains(Posting.credit("3900", Money.parse("USD 73.00")));
        assertThat(entryFor(p + "WEB-1").date()).isEqualTo(LocalDate.of(2026, 10, 3));

        // Net effect on the PayPal balance: the sum of every net.
        assertThat(books.ledger.balance("1010", LocalDate.of(2026, 10, 31)))
                .containsValues(Money.parse("CAD 617.27"), Money.parse("USD 73.00"));
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws SQLException {
        importFile(Fixtures.bytes("activity-en.csv"));
        ImportReport again = importFile(Fixtures.bytes("activity-en.csv"));
        assertThat(again.imported()).isTrue();
        assertThat(again.newLines()).isZero();
        assertThat(again.duplicates()).isEqualTo(12);
        assertThat(again.booked()).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isEqualTo(12);
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isEqualTo(12);
    }

    @Test
    void overlappingFilesAddOnlyTheNewTransactions() throws SQLException {
        List<String> lines = Fixtures.text("activity-en.csv").lines().toList();
        byte[] first = (String.join("\r\n", lines.subList(0, 8)) + "\r\n").getBytes(StandardCharsets.UTF_8);
        List<String> second = new ArrayList<>();
        second.add(lines.get(0));
        second.addAll(lines.subList(5, lines.size()));
        ImportReport one = importFile(first);
        ImportReport two = importFile((String.join("\r\n", second) + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(one.newLines()).isEqualTo(7);
        assertThat(two.duplicates()).isEqualTo(3);
        assertThat(two.newLines()).isEqualTo(5);
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isEqualTo(12);
        assertThat(entryFor("EN-REF-1").postings()).as("the original came with the first file")
                .contains(Posting.debit("4100", Money.parse("CAD 50.00")));
    }

    @Test
    void aBadFileImportsNothingAndKeepsAReportOfWhy() throws SQLException {
        ImportReport report = importFile(englishWith(
                englishRow("10/01/2026", "Donation Payment", "Completed", "CAD", "5.00", "-0.20", "4.80", "OK-1", ""),
                englishRow("10/02/2026", "Mystery Transfer", "Completed", "CAD", "5.00", "0.00", "5.00", "BAD-1", "")));
        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::code).containsExactly("unknown-type");
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_import WHERE outcome = 'rejected'"
                + " AND problems @> '[{\"code\": \"unknown-type\", \"line\": 3}]'")).isEqualTo(1);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedUnread() throws SQLException {
        byte[] fifty = new byte[50 * 1024 * 1024];
        Arrays.fill(fifty, (byte) 'a');
        ImportReport report = importFile(fifty);
        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("too-large");
            assertThat(problem.arguments()).containsExactly("50", "40");
        });
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isZero();
    }

    @Test
    void newTransactionsInAClosedMonthRejectTheWholeFile() throws SQLException {
        books.database.inTransaction(() -> books.ledger.closeMonth(YearMonth.of(2026, 10), "t"));
        ImportReport report = importFile(Fixtures.bytes("activity-en.csv"));
        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::code).containsOnly("closed-month");
        assertThat(books.database.count("SELECT count(*) FROM finance.paypal_line")).isZero();
    }

    @Test
    void aTransactionAlreadyBookedFromElsewhereIsStoredButNotBookedAgain() throws SQLException {
        books.database.inTransaction(() -> books.ledger.book(org.herdbook.finance.ledger.entity.NewEntry.manual(
                LocalDate.of(2026, 10, 1), java.time.Instant.now(), "Dues from the webhook", List.of(
                        Posting.debit("1010", Money.parse("CAD 9.41")), Posting.debit("6000", Money.parse("CAD 0.59")),
                        Posting.credit("4000", Money.parse("CAD 10.00")))).forPaypalTransaction("EN-SUB-1"), "webhook"));
        ImportReport report = importFile(Fixtures.bytes("activity-en.csv"));
        assertThat(report.newLines()).isEqualTo(12);
        assertThat(report.booked()).isEqualTo(11);
        assertThat(books.ledger.entriesForPaypalTransaction("EN-SUB-1")).hasSize(1);
    }

    @Test
    void progressIsReportedWhileStoring() {
        List<int[]> steps = new ArrayList<>();
        books.database.inTransaction(() -> books.paypal.importActivity(Fixtures.bytes("activity-en.csv"), "a.csv", "t",
                true, (done, total) -> steps.add(new int[] {done, total})));
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(steps.size() - 1)).containsExactly(24, 24);
    }
}
