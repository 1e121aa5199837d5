package org.herdbook.finance.expense.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.expense.entity.Expense;
import org.herdbook.finance.expense.entity.ExpenseDraft;
import org.herdbook.finance.expense.entity.Invoice;
import org.herdbook.finance.ledger.control.ChartOfAccounts;
import org.herdbook.finance.ledger.control.Ledger;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.ledger.entity.AccountKind;
import org.herdbook.finance.ledger.entity.EntryIds;
import org.herdbook.finance.ledger.entity.EntrySource;
import org.herdbook.finance.ledger.entity.LedgerAccount;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.policy.FinancePolicy;

/**
 * Expenses: recorded with their invoice, booked at once when at or below the approval threshold,
 * otherwise booked when a board member other than the one who recorded it approves.
 *
 * <p>The threshold is in the foundation's currency; an expense in another currency always waits
 * for approval, since no rate is known to compare it.
 */
@ApplicationScoped
public class Expenses {

    /** Invoices are PDF files or images, recognised by their first bytes, not by what the browser says. */
    static final Set<String> INVOICE_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/webp");
    private static final String COLUMNS = "id, vendor, account_code, paid_from, spent_on, currency, amount, note,"
            + " invoice_file_name, invoice_content_type, recorded_by, recorded_at, needs_approval, approved_by, entry_id";

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    Ledger ledger;
    @Inject
    ChartOfAccounts chart;
    @Inject
    FinancePolicy policy;

    protected Expenses() {
    }

    public Expenses(DataSource dataSource, Ledger ledger, ChartOfAccounts chart, FinancePolicy policy) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.chart = chart;
        this.policy = policy;
    }

    /** Records an expense, and books it unless it needs approval. */
    public Expense record(ExpenseDraft draft, String recordedBy) {
        if (draft.vendor() == null || draft.vendor().isBlank() || draft.vendor().strip().length() > 200) {
            throw Refusal.invalid("finance.expense.badVendor");
        }
        if (draft.amount() == null || !draft.amount().isPositive()) {
            throw Refusal.invalid("finance.expense.badAmount");
        }
        if (draft.spentOn() == null) {
            throw Refusal.invalid("finance.expense.badDate");
        }
        if (draft.note() != null && draft.note().length() > 2000) {
            throw Refusal.invalid("finance.expense.noteTooLong");
        }
        LedgerAccount category = chart.byCode(draft.accountCode() == null ? "" : draft.accountCode())
                .filter(account -> account.kind() == AccountKind.EXPENSE && account.active())
                .orElseThrow(() -> Refusal.invalid("finance.expense.notAnExpenseAccount", String.valueOf(draft.accountCode())));
        LedgerAccount paidFrom = chart.byCode(draft.paidFrom() == null ? "" : draft.paidFrom())
                .filter(account -> account.kind() == AccountKind.ASSET && account.active())
                .orElseThrow(() -> Refusal.invalid("finance.expense.notAnAssetAccount", String.valueOf(draft.paidFrom())));
        Invoice invoice = draft.invoice();
        if (invoice != null) {
            checkInvoice(invoice);
        }
        boolean needsApproval = !draft.amount().getCurrency().equals(policy.currency())
                || draft.amount().getAmount().compareTo(policy.expenseApprovalThreshold()) > 0;
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.expense (id, vendor, account_code,"
                        + " paid_from, spent_on, currency, amount, note, invoice, invoice_content_type, invoice_file_name,"
                        + " recorded_by, needs_approval) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, draft.vendor().strip());
            insert.setString(3, category.code());
            insert.setString(4, paidFrom.code());
            insert.setObject(5, draft.spentOn());
            insert.setString(6, draft.amount().getCurrency().getCurrencyCode());
            insert.setBigDecimal(7, draft.amount().getAmount());
            insert.setString(8, draft.note() == null || draft.note().isBlank() ? null : draft.note().strip());
            insert.setBytes(9, invoice == null ? null : invoice.content());
            insert.setString(10, invoice == null ? null : invoice.contentType());
            insert.setString(11, invoice == null ? null : safeName(invoice.fileName()));
            insert.setString(12, recordedBy);
            insert.setBoolean(13, needsApproval);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        if (!needsApproval) {
            book(byId(id).orElseThrow(), recordedBy);
        }
        return byId(id).orElseThrow();
    }

    /** A board member other than the one who recorded it approves an expense waiting for approval; it is booked. */
    public Expense approve(UUID id, String approvedBy) {
        Expense expense = byId(id).orElseThrow(() -> Refusal.notFound("finance.expense.unknown", id));
        if (expense.booked()) {
            throw Refusal.conflict("finance.expense.alreadyBooked");
        }
        if (expense.recordedBy().equals(approvedBy)) {
            throw Refusal.conflict("finance.expense.secondPersonNeeded");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE finance.expense SET approved_by = ?,"
                        + " approved_at = now() WHERE id = ? AND approved_by IS NULL AND entry_id IS NULL")) {
            update.setString(1, approvedBy);
            update.setObject(2, id);
            if (update.executeUpdate() != 1) {
                throw Refusal.conflict("finance.expense.alreadyBooked");
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        book(expense, approvedBy);
        return byId(id).orElseThrow();
    }

    public List<Expense> waitingForApproval() {
        return select(" WHERE entry_id IS NULL ORDER BY recorded_at", statement -> { });
    }

    public List<Expense> recent(int limit) {
        return select(" ORDER BY recorded_at DESC LIMIT ?", statement -> statement.setInt(1, Math.max(1, Math.min(limit, 500))));
    }

    public Optional<Expense> byId(UUID id) {
        return select(" WHERE id = ?", statement -> statement.setObject(1, id)).stream().findFirst();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    public Optional<Invoice> invoice(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT invoice_file_name, invoice_content_type,"
                        + " invoice FROM finance.expense WHERE id = ? AND invoice IS NOT NULL")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Invoice(rows.getString(1), rows.getString(2), rows.getBytes(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private void book(Expense expense, String by) {
        NewEntry entry = new NewEntry(EntryIds.next(), expense.spentOn(), Instant.now(),
                expense.vendor() + (expense.note() == null ? "" : " — " + expense.note()), EntrySource.EXPENSE, null, null,
                null, List.of(Posting.debit(expense.accountCode(), expense.amount()),
                        Posting.credit(expense.paidFrom(), expense.amount())));
        ledger.book(entry, by);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE finance.expense SET entry_id = ? WHERE id = ? AND entry_id IS NULL")) {
            update.setObject(1, entry.id());
            update.setObject(2, expense.id());
            if (update.executeUpdate() != 1) {
                throw Refusal.conflict("finance.expense.alreadyBooked");
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private void checkInvoice(Invoice invoice) {
        byte[] content = invoice.content();
        if (content.length == 0) {
            throw Refusal.invalid("finance.expense.emptyInvoice");
        }
        if (content.length > policy.invoiceMaxBytes()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "finance.expense.invoiceTooLarge",
                    policy.invoiceMaxBytes() / (1024 * 1024));
        }
        String sniffed = sniff(content);
        if (sniffed == null || !sniffed.equals(invoice.contentType())) {
            throw Refusal.invalid("finance.expense.invoiceType");
        }
    }

    /** The media type the content's first bytes show, if it is one invoices may have. */
    public static String sniff(byte[] content) {
        if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2d)) {
            return "application/pdf";
        }
        if (startsWith(content, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (startsWith(content, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (content.length >= 12 && startsWith(content, 0x52, 0x49, 0x46, 0x46) && content[8] == 'W' && content[9] == 'E'
                && content[10] == 'B' && content[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String safeName(String name) {
        String base = name == null ? "invoice" : name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
        return base.isEmpty() ? "invoice" : base.substring(0, Math.min(base.length(), 200));
    }

    private List<Expense> select(String where, Binder binder) {
        List<Expense> expenses = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM finance.expense" + where)) {
            binder.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Currency currency = Currency.getInstance(rows.getString(6).strip());
                    expenses.add(new Expense(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getObject(5, LocalDate.class),
                            org.herdbook.finance.money.Money.of(rows.getBigDecimal(7), currency), rows.getString(8),
                            rows.getString(9), rows.getString(10), rows.getString(11), rows.getTimestamp(12).toInstant(),
                            rows.getBoolean(13), rows.getString(14), rows.getObject(15, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return expenses;
    }
}
