package org.herdbook.finance.reconciliation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.reconciliation.entity.ItemState;
import org.herdbook.finance.reconciliation.entity.MonthReconciliation;
import org.herdbook.finance.reconciliation.entity.MonthState;
import org.herdbook.finance.reconciliation.entity.ReconciliationItem;
import org.herdbook.finance.testing.Books;
import org.herdbook.finance.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private final Books books = new Books();

    private MonthReconciliation october() {
        return books.reconciliation.forMonth(OCTOBER);
    }

    private ReconciliationItem item(String key) {
        return october().items().stream().filter(item -> item.key().equals(key)).findFirst().orElseThrow();
    }

    private void importEnglish(boolean book) {
        books.database.inTransaction(() -> books.paypal.importActivity(Fixtures.bytes("activity-en.csv"), "en.csv", "t",
                book, ImportProgress.NONE));
    }

    private JournalEntry bookByHand(String transactionId, String net, String fee, String gross, String counter) {
        NewEntry entry = NewEntry.manual(LocalDate.of(2026, 10, 20), Instant.now(), "By hand", List.of(
                Posting.debit("1010", Money.parse("CAD " + net)), Posting.debit("6000", Money.parse("CAD " + fee)),
                Posting.credit(counter, Money.parse("CAD " + gross))));
        return books.database.inTransaction(() -> books.ledger.book(
                transactionId == null ? entry : entry.forPaypalTransaction(transactionId), "treasurer"));
    }

    @Test
    void anImportedAndBookedMonthIsAllMatchedAndCanBeClosed() {
        importEnglish(true);
        MonthReconciliation reconciliation = october();
        assertThat(reconciliation.items()).hasSize(12).allSatisfy(item -> assertThat(item.state()).isEqualTo(ItemState.MATCHED));
        assertThat(reconciliation.state()).isEqualTo(MonthState.RECONCILED);
        MonthReconciliation closed = books.database.inTransaction(() -> books.reconciliation.close(OCTOBER, "treasurer"));
        assertThat(closed.state()).isEqualTo(MonthState.CLOSED);
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.reconciliation.close(OCTOBER, "treasurer")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void linesNotBookedAreMissingFromTheLedgerUntilBooked() {
        importEnglish(false);
        assertThat(october().counts()).containsEntry(ItemState.MISSING_FROM_LEDGER, 12);
        assertThat(october().state()).isEqualTo(MonthState.OPEN);
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.reconciliation.close(OCTOBER, "treasurer")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.reconciliation.openItems"));
        books.database.inTransaction(() -> books.reconciliation.book(OCTOBER, "EN-SUB-1", "treasurer"));
        assertThat(item("line:EN-SUB-1").state()).isEqualTo(ItemState.MATCHED);
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.reconciliation.book(OCTOBER, "EN-SUB-1", "t")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void anEntryPaypalDoesNotReportIsMissingFromPaypalUntilReversed() {
        importEnglish(true);
        JournalEntry stray = bookByHand(null, "19.41", "0.59", "20.00", "4100");
        assertThat(item("entry:" + stray.id()).state()).isEqualTo(ItemState.MISSING_FROM_PAYPAL);
        books.database.inTransaction(() -> books.reconciliation.reverse(OCTOBER, stray.id(), "Booked twice", "treasurer"));
        assertThat(october().items()).noneMatch(item -> item.key().equals("entry:" + stray.id()));
        assertThat(october().state()).isEqualTo(MonthState.RECONCILED);
    }

    @Test
    void amountAndFeeMismatchesAreResolvedByReplacingOrAccepting() {
        bookByHand("EN-SUB-1", "9.00", "1.00", "10.00", "4000");
        bookByHand("EN-DON-1", "48.25", "1.75", "50.00", "4100");
        bookByHand("EN-GEN-1", "19.20", "0.80", "20.00", "4900");
        importEnglish(true);
        assertThat(item("line:EN-SUB-1").state()).isEqualTo(ItemState.AMOUNT_MISMATCH);
        assertThat(item("line:EN-SUB-1").ledgerNet()).isEqualTo(Money.parse("CAD 9.00"));
        assertThat(item("line:EN-SUB-1").paypalNet()).isEqualTo(Money.parse("CAD 9.41"));
        assertThat(item("line:EN-DON-1").state()).isEqualTo(ItemState.MATCHED);
        assertThat(item("line:EN-GEN-1").state()).isEqualTo(ItemState.AMOUNT_MISMATCH);

        books.database.inTransaction(() -> books.reconciliation.replaceWithPaypal(OCTOBER, "EN-SUB-1", "treasurer"));
        assertThat(item("line:EN-SUB-1").state()).isEqualTo(ItemState.MATCHED);
        assertThat(books.ledger.entriesForPaypalTransaction("EN-SUB-1")).as("original, reversal, PayPal's figures").hasSize(3);

        assertThatThrownBy(() -> books.database.inTransaction(() ->
                books.reconciliation.accept(OCTOBER, "line:EN-GEN-1", " ", "treasurer"))).isInstanceOf(Refusal.class);
        books.database.inTransaction(() -> books.reconciliation.accept(OCTOBER, "line:EN-GEN-1",
                "PayPal corrected the fee after the month; difference below a cent per member", "treasurer"));
        assertThat(item("line:EN-GEN-1").state()).isEqualTo(ItemState.ACCEPTED);
        assertThat(item("line:EN-GEN-1").note()).startsWith("PayPal corrected");
        assertThat(october().state()).isEqualTo(MonthState.RECONCILED);
    }

    @Test
    void aFeeOnlyDifferenceIsAFeeMismatch() {
        bookByHand("EN-SUB-1", "9.41", "0.69", "10.10", "4000");
        importEnglish(true);
        assertThat(item("line:EN-SUB-1").state()).isEqualTo(ItemState.FEE_MISMATCH);
    }

    @Test
    void aClosedMonthRefusesResolutions() {
        importEnglish(true);
        books.database.inTransaction(() -> books.reconciliation.close(OCTOBER, "treasurer"));
        assertThatThrownBy(() -> books.database.inTransaction(() ->
                books.reconciliation.accept(OCTOBER, "line:EN-SUB-1", "late", "treasurer")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }
}
