package org.herdbook.finance.reconciliation.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.control.ChartOfAccounts;
import org.herdbook.finance.ledger.control.Ledger;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.ledger.entity.AccountPurpose;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.control.PaypalImport;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.reconciliation.entity.ItemState;
import org.herdbook.finance.reconciliation.entity.MonthReconciliation;
import org.herdbook.finance.reconciliation.entity.MonthState;
import org.herdbook.finance.reconciliation.entity.ReconciliationItem;

/**
 * The monthly reconciliation of the ledger with PayPal, and its resolutions.
 *
 * <p>A month compares the PayPal lines dated in it with the live entries (neither reversals nor
 * reversed) that book them, and lists the live entries on the PayPal balance that PayPal does
 * not report. The treasurer resolves each difference by booking the line, reversing the entry,
 * replacing the entry with PayPal's figures, or accepting it with a note; then closes the month,
 * which only a month without open items allows.
 */
@ApplicationScoped
public class Reconciliation {

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    Ledger ledger;
    @Inject
    PaypalImport paypal;
    @Inject
    ChartOfAccounts chart;
    @Inject
    FinancePolicy policy;

    protected Reconciliation() {
    }

    public Reconciliation(DataSource dataSource, Ledger ledger, PaypalImport paypal, ChartOfAccounts chart,
            FinancePolicy policy) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.paypal = paypal;
        this.chart = chart;
        this.policy = policy;
    }

    /**
     * The month's items, computed in the database: a line's live entry and the sums it posts on the
     * PayPal balance and the fee account, and the live entries on the PayPal balance that no line
     * reports. A month of 100,000 transactions is one pass over each table, not 100,000 reads.
     */
    public MonthReconciliation forMonth(YearMonth month) {
        String paypalAccount = chart.byPurpose(AccountPurpose.PAYPAL).code();
        String feeAccount = chart.byPurpose(AccountPurpose.FEES).code();
        Map<String, String> accepted = acceptances(month);
        List<ReconciliationItem> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(LINES_WITH_ENTRIES)) {
                select.setObject(1, month.atDay(1));
                select.setObject(2, month.atEndOfMonth());
                select.setString(3, paypalAccount);
                select.setString(4, feeAccount);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(lineItem(rows, accepted));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(ENTRIES_PAYPAL_DOES_NOT_REPORT)) {
                select.setString(1, paypalAccount);
                select.setObject(2, month.atDay(1));
                select.setObject(3, month.atEndOfMonth());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        Currency currency = Currency.getInstance(rows.getString(5).strip());
                        items.add(item("entry:" + id, ItemState.MISSING_FROM_PAYPAL, accepted, rows.getString(4), id,
                                rows.getObject(2, LocalDate.class), rows.getString(3), null, null,
                                Money.of(rows.getBigDecimal(6), currency), null));
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        items.sort(Comparator.comparing(ReconciliationItem::date).thenComparing(ReconciliationItem::key));
        Map<ItemState, Integer> counts = new EnumMap<>(ItemState.class);
        items.forEach(item -> counts.merge(item.state(), 1, Integer::sum));
        MonthState state = ledger.isClosed(month) ? MonthState.CLOSED
                : items.stream().anyMatch(item -> item.state().open()) ? MonthState.OPEN : MonthState.RECONCILED;
        return new MonthReconciliation(month, state, items, counts);
    }

    /** Live entries: neither a reversal nor reversed. */
    private static final String LIVE = "e.reverses IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM finance.journal_entry r WHERE r.reverses = e.id AND r.reverses IS NOT NULL)";

    /**
     * The month's lines, each with its live entry (the earliest recorded) and what that entry posts
     * on the PayPal balance and the fee account in the line's currency. The lines and their entries
     * are matched in one hash join rather than looked up line by line, and each entry's postings
     * are read once through the posting key (entry, id).
     */
    private static final String LINES_WITH_ENTRIES = "WITH l AS (SELECT transaction_id, line_date, type_label,"
            + "   counterparty, currency, net, fee FROM finance.paypal_line WHERE line_date BETWEEN ? AND ?),"
            + " e AS (SELECT DISTINCT ON (e.paypal_txn_id) e.paypal_txn_id, e.id, e.entry_date"
            + "   FROM finance.journal_entry e JOIN l ON l.transaction_id = e.paypal_txn_id"
            + "   WHERE " + LIVE + " ORDER BY e.paypal_txn_id, e.recorded_at, e.id)"
            + " SELECT l.transaction_id, l.line_date, l.type_label, l.counterparty, l.currency, l.net, l.fee, e.id,"
            + " e.entry_date, coalesce(s.on_paypal, 0), coalesce(s.on_fees, 0)"
            + " FROM l LEFT JOIN e ON e.paypal_txn_id = l.transaction_id"
            + " LEFT JOIN LATERAL (SELECT sum(p.amount) FILTER (WHERE p.account_code = ?) AS on_paypal,"
            + "   sum(p.amount) FILTER (WHERE p.account_code = ?) AS on_fees"
            + "   FROM finance.posting p WHERE p.entry_id = e.id AND p.currency = l.currency) s ON true";

    private static final String ENTRIES_PAYPAL_DOES_NOT_REPORT = "SELECT e.id, e.entry_date, e.description,"
            + " e.paypal_txn_id, p.currency, sum(p.amount)"
            + " FROM finance.journal_entry e JOIN finance.posting p ON p.entry_id = e.id AND p.account_code = ?"
            + " WHERE e.entry_date BETWEEN ? AND ? AND " + LIVE
            + " AND (e.paypal_txn_id IS NULL OR NOT EXISTS"
            + "   (SELECT 1 FROM finance.paypal_line l WHERE l.transaction_id = e.paypal_txn_id))"
            + " GROUP BY e.id, e.entry_date, e.description, e.paypal_txn_id, p.currency";

    private ReconciliationItem lineItem(ResultSet rows, Map<String, String> accepted) throws SQLException {
        String transactionId = rows.getString(1);
        Currency currency = Currency.getInstance(rows.getString(5).strip());
        Money net = Money.of(rows.getBigDecimal(6), currency);
        Money fee = Money.of(rows.getBigDecimal(7), currency);
        String counterparty = rows.getString(4);
        String description = rows.getString(3) + (counterparty == null ? "" : " — " + counterparty);
        UUID entryId = rows.getObject(8, UUID.class);
        String key = "line:" + transactionId;
        if (entryId == null) {
            return item(key, ItemState.MISSING_FROM_LEDGER, accepted, transactionId, null,
                    rows.getObject(2, LocalDate.class), description, net, fee, null, null);
        }
        Money ledgerNet = Money.of(rows.getBigDecimal(10), currency);
        Money ledgerFee = Money.of(rows.getBigDecimal(11), currency).negate();
        ItemState state = !ledgerNet.equals(net) ? ItemState.AMOUNT_MISMATCH
                : !ledgerFee.equals(fee) ? ItemState.FEE_MISMATCH : ItemState.MATCHED;
        return item(key, state, accepted, transactionId, entryId, rows.getObject(9, LocalDate.class), description, net,
                fee, ledgerNet, ledgerFee);
    }

    /** Books a PayPal line the ledger is missing. */
    public void book(YearMonth month, String transactionId, String by) {
        requireOpen(month);
        paypal.book(transactionId, by);
    }

    /** Reverses a live entry (one PayPal does not report, or one that disagrees with PayPal). */
    public void reverse(YearMonth month, UUID entryId, String note, String by) {
        requireOpen(month);
        JournalEntry entry = ledger.entry(entryId).orElseThrow(() -> Refusal.notFound("finance.ledger.unknownEntry", entryId));
        ledger.reverse(entryId, dateInOpenMonth(entry.date()), note, by);
    }

    /** Replaces an entry that disagrees with PayPal: reverses it and books PayPal's figures. */
    public void replaceWithPaypal(YearMonth month, String transactionId, String by) {
        requireOpen(month);
        JournalEntry live = ledger.entriesForPaypalTransactions(List.of(transactionId)).stream()
                .filter(entry -> entry.reverses() == null)
                .filter(entry -> ledger.reversalOf(entry.id()).isEmpty())
                .findFirst().orElseThrow(() -> Refusal.notFound("finance.reconciliation.unknownLine", transactionId));
        ledger.reverse(live.id(), dateInOpenMonth(live.date()), null, by);
        paypal.book(transactionId, by);
    }

    /** Accepts a difference with an explanation; the item no longer keeps the month open. */
    public void accept(YearMonth month, String itemKey, String note, String by) {
        requireOpen(month);
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw Refusal.invalid("finance.reconciliation.noteRequired");
        }
        ReconciliationItem item = forMonth(month).items().stream().filter(found -> found.key().equals(itemKey))
                .findFirst().orElseThrow(() -> Refusal.notFound("finance.reconciliation.unknownItem", itemKey));
        if (!item.state().open()) {
            throw Refusal.conflict("finance.reconciliation.nothingToAccept", itemKey);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.reconciliation_acceptance"
                        + " (id, month, item, note, accepted_by) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, month.atDay(1));
            insert.setString(3, itemKey);
            insert.setString(4, note.strip());
            insert.setString(5, by);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** Closes the month once nothing is left to resolve. */
    public MonthReconciliation close(YearMonth month, String by) {
        MonthReconciliation reconciliation = forMonth(month);
        if (reconciliation.state() == MonthState.CLOSED) {
            throw Refusal.conflict("finance.ledger.alreadyClosed", month.toString());
        }
        if (reconciliation.state() == MonthState.OPEN) {
            throw Refusal.conflict("finance.reconciliation.openItems", month.toString(), reconciliation.openItems());
        }
        ledger.closeMonth(month, by);
        return forMonth(month);
    }

    private void requireOpen(YearMonth month) {
        if (ledger.isClosed(month)) {
            throw Refusal.conflict("finance.ledger.monthClosed", month.toString());
        }
    }

    private LocalDate dateInOpenMonth(LocalDate original) {
        return ledger.isClosed(YearMonth.from(original)) ? LocalDate.now() : original;
    }

    private static ReconciliationItem item(String key, ItemState state, Map<String, String> accepted, String transactionId,
            UUID entryId, LocalDate date, String description, Money paypalNet, Money paypalFee, Money ledgerNet,
            Money ledgerFee) {
        String note = accepted.get(key);
        ItemState shown = state.open() && note != null ? ItemState.ACCEPTED : state;
        return new ReconciliationItem(key, shown, transactionId, entryId, date, description, paypalNet, paypalFee,
                ledgerNet, ledgerFee, note);
    }

    private Map<String, String> acceptances(YearMonth month) {
        Map<String, String> notes = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT item, note FROM finance.reconciliation_acceptance WHERE month = ?")) {
            select.setObject(1, month.atDay(1));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    notes.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return notes;
    }
}
