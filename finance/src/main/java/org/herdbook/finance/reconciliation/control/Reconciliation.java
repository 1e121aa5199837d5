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

    public MonthReconciliation forMonth(YearMonth month) {
        String paypalAccount = chart.byPurpose(AccountPurpose.PAYPAL).code();
        String feeAccount = chart.byPurpose(AccountPurpose.FEES).code();
        List<PaypalLine> lines = paypal.linesIn(month);
        Set<String> lineIds = new HashSet<>();
        lines.forEach(line -> lineIds.add(line.transactionId()));

        List<JournalEntry> candidates = new ArrayList<>(ledger.entriesForPaypalTransactions(lineIds));
        Set<UUID> seen = new HashSet<>();
        candidates.forEach(entry -> seen.add(entry.id()));
        for (JournalEntry entry : ledger.entriesIn(month)) {
            if (seen.add(entry.id()) && touches(entry, paypalAccount)) {
                candidates.add(entry);
            }
        }
        Set<UUID> reversed = ledger.reversed(candidates.stream().map(JournalEntry::id).toList());
        List<JournalEntry> live = candidates.stream()
                .filter(entry -> entry.reverses() == null && !reversed.contains(entry.id())).toList();
        Map<String, JournalEntry> liveByTransaction = new HashMap<>();
        for (JournalEntry entry : live) {
            if (entry.paypalTransactionId() != null) {
                liveByTransaction.putIfAbsent(entry.paypalTransactionId(), entry);
            }
        }
        Set<String> knownToPaypal = knownTransactions(live.stream().map(JournalEntry::paypalTransactionId)
                .filter(id -> id != null).toList());
        Map<String, String> accepted = acceptances(month);

        List<ReconciliationItem> items = new ArrayList<>();
        for (PaypalLine line : lines) {
            JournalEntry entry = liveByTransaction.get(line.transactionId());
            String key = "line:" + line.transactionId();
            String description = line.typeLabel() + (line.counterparty() == null ? "" : " — " + line.counterparty());
            if (entry == null) {
                items.add(item(key, ItemState.MISSING_FROM_LEDGER, accepted, line.transactionId(), null,
                        line.occurredAt().atZone(policy.timeZone()).toLocalDate(), description, line.net(), line.fee(),
                        null, null));
                continue;
            }
            Money ledgerNet = sum(entry, paypalAccount, line.net());
            Money ledgerFee = sum(entry, feeAccount, line.fee()).negate();
            ItemState state = !ledgerNet.equals(line.net()) ? ItemState.AMOUNT_MISMATCH
                    : !ledgerFee.equals(line.fee()) ? ItemState.FEE_MISMATCH : ItemState.MATCHED;
            items.add(item(key, state, accepted, line.transactionId(), entry.id(), entry.date(), description, line.net(),
                    line.fee(), ledgerNet, ledgerFee));
        }
        for (JournalEntry entry : live) {
            boolean inMonth = YearMonth.from(entry.date()).equals(month);
            boolean reported = entry.paypalTransactionId() != null
                    && (lineIds.contains(entry.paypalTransactionId()) || knownToPaypal.contains(entry.paypalTransactionId()));
            if (inMonth && !reported && touches(entry, paypalAccount)) {
                Money net = entry.postings().stream().filter(posting -> posting.accountCode().equals(paypalAccount))
                        .map(Posting::amount).reduce(Money::plus).orElseThrow();
                items.add(item("entry:" + entry.id(), ItemState.MISSING_FROM_PAYPAL, accepted, entry.paypalTransactionId(),
                        entry.id(), entry.date(), entry.description(), null, null, net, null));
            }
        }
        items.sort(Comparator.comparing(ReconciliationItem::date).thenComparing(ReconciliationItem::key));
        Map<ItemState, Integer> counts = new EnumMap<>(ItemState.class);
        items.forEach(item -> counts.merge(item.state(), 1, Integer::sum));
        MonthState state = ledger.isClosed(month) ? MonthState.CLOSED
                : items.stream().anyMatch(item -> item.state().open()) ? MonthState.OPEN : MonthState.RECONCILED;
        return new MonthReconciliation(month, state, items, counts);
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

    private static boolean touches(JournalEntry entry, String account) {
        return entry.postings().stream().anyMatch(posting -> posting.accountCode().equals(account));
    }

    private static Money sum(JournalEntry entry, String account, Money zeroLike) {
        Money total = Money.zero(zeroLike.getCurrency());
        for (Posting posting : entry.postings()) {
            if (posting.accountCode().equals(account) && posting.amount().getCurrency().equals(zeroLike.getCurrency())) {
                total = total.plus(posting.amount());
            }
        }
        return total;
    }

    private Set<String> knownTransactions(List<String> ids) {
        Set<String> known = new HashSet<>();
        if (ids.isEmpty()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT transaction_id FROM finance.paypal_line WHERE transaction_id = ANY (?::text[])")) {
            select.setArray(1, Sql.textArray(connection, ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return known;
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
