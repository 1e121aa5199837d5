package org.herdbook.finance.expense.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.expense.entity.Expense;
import org.herdbook.finance.expense.entity.ExpenseDraft;
import org.herdbook.finance.expense.entity.Invoice;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.testing.Books;
import org.junit.jupiter.api.Test;

class ExpensesTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate SPENT = LocalDate.of(2026, 10, 12);

    private final Books books = new Books();

    private Expense record(String amount, Invoice invoice, String by) {
        return books.database.inTransaction(() -> books.expenses.record(new ExpenseDraft("Hetzner", "5000", "1000", SPENT,
                Money.parse(amount), "October servers", invoice), by));
    }

    @Test
    void anExpenseAtOrBelowTheThresholdIsBookedAtOnceWithItsInvoice() {
        Expense expense = record("CAD 500.00", new Invoice("octobre.pdf", "application/pdf", PDF), "treasurer-1");
        assertThat(expense.booked()).isTrue();
        assertThat(books.ledger.entry(expense.entryId())).get().satisfies(entry -> assertThat(entry.postings())
                .containsExactly(Posting.debit("5000", Money.parse("CAD 500.00")),
                        Posting.credit("1000", Money.parse("CAD 500.00"))));
        assertThat(books.expenses.invoice(expense.id())).get().satisfies(invoice -> {
            assertThat(invoice.content()).isEqualTo(PDF);
            assertThat(invoice.fileName()).isEqualTo("octobre.pdf");
        });
    }

    @Test
    void aboveTheThresholdASecondBoardMemberMustApprove() throws SQLException {
        Expense expense = record("CAD 500.01", null, "treasurer-1");
        assertThat(expense.booked()).isFalse();
        assertThat(books.expenses.waitingForApproval()).extracting(Expense::id).containsExactly(expense.id());
        assertThat(books.database.count("SELECT count(*) FROM finance.journal_entry")).isZero();
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.expenses.approve(expense.id(), "treasurer-1")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.expense.secondPersonNeeded"));
        Expense approved = books.database.inTransaction(() -> books.expenses.approve(expense.id(), "board-2"));
        assertThat(approved.booked()).isTrue();
        assertThat(approved.approvedBy()).isEqualTo("board-2");
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.expenses.approve(expense.id(), "board-3")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void anExpenseInAnotherCurrencyAlwaysWaitsForApproval() {
        assertThat(record("USD 5.00", null, "treasurer-1").booked()).isFalse();
    }

    @Test
    void invoicesMustBePdfOrImagesWithinTheSizeLimit() {
        assertThatThrownBy(() -> record("CAD 5.00", new Invoice("x.pdf", "application/pdf",
                "<html>".getBytes(StandardCharsets.US_ASCII)), "t"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("finance.expense.invoiceType"));
        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThatThrownBy(() -> record("CAD 5.00", new Invoice("big.pdf", "application/pdf", huge), "t"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.TOO_LARGE));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
        assertThat(record("CAD 5.00", new Invoice("receipt.png", "image/png", png), "t").invoiceContentType())
                .isEqualTo("image/png");
    }

    @Test
    void theCategoryMustBeAnExpenseAccount() {
        assertThatThrownBy(() -> books.database.inTransaction(() -> books.expenses.record(new ExpenseDraft("X", "4100",
                "1000", SPENT, Money.parse("CAD 5.00"), null, null), "t")))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.messageKey()).isEqualTo("finance.expense.notAnExpenseAccount"));
    }
}
