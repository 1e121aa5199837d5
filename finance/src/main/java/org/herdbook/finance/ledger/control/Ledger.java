package org.herdbook.finance.ledger.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.entity.EntryIds;
import org.herdbook.finance.ledger.entity.EntrySource;
import org.herdbook.finance.ledger.entity.JournalEntry;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;

/**
 * The journal: books entries, reverses them, closes months, and answers balances.
 *
 * <p>Every entry is checked here (balanced per currency, known active accounts, an open month)
 * so that a person gets a clear refusal, and again by the database's triggers, which refuse an
 * unbalanced entry, a posting into a closed month, and any UPDATE or DELETE of ledger rows.
 *
 * <p>Methods that write take part in the caller's transaction (the boundary's
 * {@code @Transactional}); bulk writes go through {@link #bookAll(Connection, List, String)} in
 * statements of {@value #CHUNK} entries.
 */
@ApplicationScoped
public class Ledger {

    static final int CHUNK = 2000;

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    protected Ledger() {
    }

    public Ledger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Books one entry. */
    public JournalEntry book(NewEntry entry, String recordedBy) {
        try (Connection connection = dataSource.getConnection()) {
            bookAll(connection, List.of(entry), recordedBy);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return entry(entry.id()).orElseThrow();
    }

    /** Books many entries on {@code connection}, checked first and then written in bulk statements. */
    public void bookAll(Connection connection, List<NewEntry> entries, String recordedBy) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        bookAll(connection, entries, recordedBy, checks(connection));
    }

    /**
     * What entries are checked against, read in one statement: every account (whether it is
     * active, and which account serves each purpose) and the closed months. A caller that books
     * under a lock reads this before taking it and passes it to
     * {@link #bookAll(Connection, List, String, Checks)}: the database's triggers refuse a closed
     * month or an unknown account whenever it was read.
     */
    public Checks checks(Connection connection) throws SQLException {
        return checks(connection, null, statement -> { });
    }

    /**
     * {@link #checks(Connection)} and, in the same round trip, the query {@code then} (one row of
     * one column, or none; what it returns is dropped), evaluated once the checks are read. A
     * booking takes its lock this way, saving a statement per webhook delivery.
     *
     * @param then a {@code SELECT}, or null for none
     * @param binder binds {@code then}'s parameters, numbered from 1
     */
    public Checks checks(Connection connection, String then, Binder binder) throws SQLException {
        Map<String, Boolean> active = new HashMap<>();
        Map<String, String> byPurpose = new HashMap<>();
        Set<YearMonth> closed = new HashSet<>();
        // UNION ALL runs its branches in order, so "then" comes after the reads; OFFSET 0 keeps it whole.
        String sql = "SELECT code, active, purpose, NULL::date FROM finance.account"
                + " UNION ALL SELECT NULL, NULL, NULL, month FROM finance.closed_month"
                + (then == null ? "" : " UNION ALL SELECT NULL, NULL, NULL, NULL FROM (" + then + " OFFSET 0) AS t");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    readCheck(rows, active, byPurpose, closed);
                }
            }
        }
        return new Checks(Map.copyOf(active), Map.copyOf(byPurpose), Set.copyOf(closed));
    }

    private static void readCheck(ResultSet rows, Map<String, Boolean> active, Map<String, String> byPurpose,
            Set<YearMonth> closed) throws SQLException {
        String code = rows.getString(1);
        if (code == null) {
            LocalDate month = rows.getObject(4, LocalDate.class);
            if (month != null) {
                closed.add(YearMonth.from(month));
            }
            return;
        }
        active.put(code, rows.getBoolean(2));
        String purpose = rows.getString(3);
        if (purpose != null) {
            byPurpose.put(purpose, code);
        }
    }

    /**
     * Accounts and closed months as read by {@link #checks(Connection)}.
     *
     * @param active whether each account (by code) is active
     * @param byPurpose the account (code) that serves each purpose ({@code AccountPurpose})
     * @param closedMonths months that take no more entries
     */
    public record Checks(Map<String, Boolean> active, Map<String, String> byPurpose, Set<YearMonth> closedMonths) {
    }

    /** {@link #bookAll(Connection, List, String)} against {@code checks} read earlier in the same transaction. */
    public void bookAll(Connection connection, List<NewEntry> entries, String recordedBy, Checks checks)
            throws SQLException {
        for (NewEntry entry : entries) {
            check(entry, checks.active(), checks.closedMonths());
        }
        for (int from = 0; from < entries.size(); from += CHUNK) {
            insert(connection, entries.subList(from, Math.min(entries.size(), from + CHUNK)), recordedBy);
        }
    }

    /**
     * Books the reversal of entry {@code entryId}: the same postings with opposite signs, dated
     * {@code date} (which must be in an open month), linked to the original.
     */
    public JournalEntry reverse(UUID entryId, LocalDate date, String reason, String recordedBy) {
        JournalEntry original = entry(entryId).orElseThrow(() -> Refusal.notFound("finance.ledger.unknownEntry", entryId));
        if (original.reverses() != null) {
            throw Refusal.conflict("finance.ledger.reversalOfReversal");
        }
        if (reversalOf(entryId).isPresent()) {
            throw Refusal.conflict("finance.ledger.alreadyReversed");
        }
        List<Posting> opposite = original.postings().stream()
                .map(posting -> new Posting(posting.accountCode(), posting.amount().negate())).toList();
        String description = reason == null || reason.isBlank() ? "Reversal: " + original.description() : reason.strip();
        NewEntry reversal = new NewEntry(EntryIds.next(), date, Instant.now(), description, EntrySource.REVERSAL,
                original.paypalTransactionId(), entryId, original.exchangeRate(), opposite);
        try {
            return book(reversal, recordedBy);
        } catch (IllegalStateException e) {
            if (reversalOf(entryId).isPresent()) {
                throw Refusal.conflict("finance.ledger.alreadyReversed");
            }
            throw e;
        }
    }

    /** The reversal of entry {@code entryId}, if it has been reversed. */
    public Optional<UUID> reversalOf(UUID entryId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM finance.journal_entry WHERE reverses = ?")) {
            select.setObject(1, entryId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    public Optional<JournalEntry> entry(UUID id) {
        return entries("e.id = ?", statement -> statement.setObject(1, id)).stream().findFirst();
    }

    /** Entries dated in {@code month}, oldest first. */
    public List<JournalEntry> entriesIn(YearMonth month) {
        return entries("e.entry_date BETWEEN ? AND ?", statement -> {
            statement.setObject(1, month.atDay(1));
            statement.setObject(2, month.atEndOfMonth());
        });
    }

    /** Entries that book PayPal transaction {@code transactionId}, reversals included. */
    public List<JournalEntry> entriesForPaypalTransaction(String transactionId) {
        return entries("e.paypal_txn_id = ?", statement -> statement.setString(1, transactionId));
    }

    /** Entries that book any of the PayPal transactions {@code transactionIds}, reversals included. */
    public List<JournalEntry> entriesForPaypalTransactions(Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(transactionIds);
        return entries("e.paypal_txn_id = ANY (?::text[])",
                statement -> statement.setArray(1, Sql.textArray(statement.getConnection(), ids)));
    }

    public boolean isClosed(YearMonth month) {
        try (Connection connection = dataSource.getConnection()) {
            return closedMonths(connection).contains(month);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** Closes {@code month}: from now on the database refuses any entry or posting dated inside it. */
    public void closeMonth(YearMonth month, String closedBy) {
        if (isClosed(month)) {
            throw Refusal.conflict("finance.ledger.alreadyClosed", month.toString());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO finance.closed_month (month, closed_by) VALUES (?, ?)")) {
            insert.setObject(1, month.atDay(1));
            insert.setString(2, closedBy);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** The balance of account {@code accountCode} per currency, over entries dated up to {@code upTo}. */
    public Map<Currency, Money> balance(String accountCode, LocalDate upTo) {
        Map<Currency, Money> balances = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT currency, sum(amount) FROM finance.posting WHERE account_code = ? AND entry_date <= ?"
                                + " GROUP BY currency ORDER BY currency")) {
            select.setString(1, accountCode);
            select.setObject(2, upTo);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Currency currency = Currency.getInstance(rows.getString(1).strip());
                    balances.put(currency, Money.of(rows.getBigDecimal(2), currency));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return balances;
    }

    /**
     * Checks {@code entry} as {@link #bookAll(Connection, List, String, Checks)} does, without
     * booking it: for a caller that writes the entry in a statement of its own.
     *
     * @throws Refusal what {@code bookAll} would refuse it for
     */
    public static void check(NewEntry entry, Checks checks) {
        check(entry, checks.active(), checks.closedMonths());
    }

    private static void check(NewEntry entry, Map<String, Boolean> accounts, Set<YearMonth> closed) {
        if (entry.postings().size() < 2) {
            throw Refusal.invalid("finance.ledger.tooFewPostings");
        }
        if (entry.description().isBlank() || entry.description().length() > 500) {
            throw Refusal.invalid("finance.ledger.badDescription");
        }
        Map<Currency, Money> sums = new HashMap<>();
        for (Posting posting : entry.postings()) {
            Boolean active = accounts.get(posting.accountCode());
            if (active == null) {
                throw Refusal.invalid("finance.accounts.unknown", posting.accountCode());
            }
            if (!active) {
                throw Refusal.invalid("finance.accounts.inactive", posting.accountCode());
            }
            if (posting.amount().isZero()) {
                throw Refusal.invalid("finance.ledger.zeroPosting", posting.accountCode());
            }
            sums.merge(posting.amount().getCurrency(), posting.amount(), Money::plus);
        }
        for (Money sum : sums.values()) {
            if (!sum.isZero()) {
                throw Refusal.invalid("finance.ledger.unbalanced", sum.getCurrency().getCurrencyCode(),
                        sum.getAmount().toPlainString());
            }
        }
        if (closed.contains(YearMonth.from(entry.date()))) {
            throw Refusal.conflict("finance.ledger.monthClosed", YearMonth.from(entry.date()).toString());
        }
    }

    private static void insert(Connection connection, List<NewEntry> entries, String recordedBy) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> transactions = new ArrayList<>();
        List<String> reverses = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        List<String> postingEntries = new ArrayList<>();
        List<String> postingDates = new ArrayList<>();
        List<String> postingAccounts = new ArrayList<>();
        List<String> postingCurrencies = new ArrayList<>();
        List<String> postingAmounts = new ArrayList<>();
        for (NewEntry entry : entries) {
            ids.add(entry.id().toString());
            dates.add(entry.date().toString());
            times.add(entry.occurredAt().toString());
            descriptions.add(entry.description());
            sources.add(entry.source().code());
            transactions.add(entry.paypalTransactionId());
            reverses.add(entry.reverses() == null ? null : entry.reverses().toString());
            rates.add(entry.exchangeRate() == null ? null : entry.exchangeRate().toPlainString());
            for (Posting posting : entry.postings()) {
                postingEntries.add(entry.id().toString());
                postingDates.add(entry.date().toString());
                postingAccounts.add(posting.accountCode());
                postingCurrencies.add(posting.amount().getCurrency().getCurrencyCode());
                postingAmounts.add(posting.amount().getAmount().toPlainString());
            }
        }
        try (PreparedStatement insertEntries = connection.prepareStatement(
                "INSERT INTO finance.journal_entry (id, entry_date, occurred_at, description, source, paypal_txn_id,"
                        + " reverses, exchange_rate, recorded_by)"
                        + " SELECT u.id::uuid, u.d::date, u.t::timestamptz, u.descr, u.src, u.txn, u.rev::uuid,"
                        + " u.rate::numeric, ?"
                        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[]) AS u(id, d, t, descr, src, txn, rev, rate)")) {
            insertEntries.setString(1, recordedBy);
            insertEntries.setArray(2, Sql.textArray(connection, ids));
            insertEntries.setArray(3, Sql.textArray(connection, dates));
            insertEntries.setArray(4, Sql.textArray(connection, times));
            insertEntries.setArray(5, Sql.textArray(connection, descriptions));
            insertEntries.setArray(6, Sql.textArray(connection, sources));
            insertEntries.setArray(7, Sql.textArray(connection, transactions));
            insertEntries.setArray(8, Sql.textArray(connection, reverses));
            insertEntries.setArray(9, Sql.textArray(connection, rates));
            insertEntries.executeUpdate();
        }
        try (PreparedStatement insertPostings = connection.prepareStatement(
                "INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount)"
                        + " SELECT u.e::uuid, u.d::date, u.a, u.c, u.m::numeric"
                        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(e, d, a, c, m)")) {
            insertPostings.setArray(1, Sql.textArray(connection, postingEntries));
            insertPostings.setArray(2, Sql.textArray(connection, postingDates));
            insertPostings.setArray(3, Sql.textArray(connection, postingAccounts));
            insertPostings.setArray(4, Sql.textArray(connection, postingCurrencies));
            insertPostings.setArray(5, Sql.textArray(connection, postingAmounts));
            insertPostings.executeUpdate();
        }
    }

    static Set<YearMonth> closedMonths(Connection connection) throws SQLException {
        Set<YearMonth> closed = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT month FROM finance.closed_month");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                closed.add(YearMonth.from(rows.getObject(1, LocalDate.class)));
            }
        }
        return closed;
    }

    /** Binds a statement's parameters. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<JournalEntry> entries(String condition, Binder binder) {
        String sql = "SELECT e.id, e.entry_date, e.occurred_at, e.recorded_at, e.description, e.source, e.paypal_txn_id,"
                + " e.reverses, e.exchange_rate, e.recorded_by, p.account_code, p.currency, p.amount"
                + " FROM finance.journal_entry e JOIN finance.posting p ON p.entry_id = e.id"
                + " WHERE " + condition + " ORDER BY e.entry_date, e.occurred_at, e.id, p.id";
        Map<UUID, JournalEntry> entries = new LinkedHashMap<>();
        Map<UUID, List<Posting>> postings = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (!entries.containsKey(id)) {
                        List<Posting> lines = new ArrayList<>();
                        postings.put(id, lines);
                        Timestamp recorded = rows.getTimestamp(4);
                        BigDecimal rate = rows.getBigDecimal(9);
                        entries.put(id, new JournalEntry(id, rows.getObject(2, LocalDate.class),
                                rows.getTimestamp(3).toInstant(), recorded.toInstant(), rows.getString(5),
                                EntrySource.ofCode(rows.getString(6)), rows.getString(7),
                                rows.getObject(8, UUID.class), rate, rows.getString(10), List.of()));
                    }
                    Currency currency = Currency.getInstance(rows.getString(12).strip());
                    postings.get(id).add(new Posting(rows.getString(11), Money.of(rows.getBigDecimal(13), currency)));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : entries.values()) {
            result.add(new JournalEntry(entry.id(), entry.date(), entry.occurredAt(), entry.recordedAt(),
                    entry.description(), entry.source(), entry.paypalTransactionId(), entry.reverses(),
                    entry.exchangeRate(), entry.recordedBy(), postings.get(entry.id())));
        }
        return result;
    }

    /** Ids of entries among {@code ids} that have been reversed. */
    public Set<UUID> reversed(Collection<UUID> ids) {
        Set<UUID> reversed = new HashSet<>();
        if (ids.isEmpty()) {
            return reversed;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT reverses FROM finance.journal_entry WHERE reverses IS NOT NULL AND reverses = ANY (?::uuid[])")) {
            select.setArray(1, Sql.textArray(connection, ids.stream().map(UUID::toString).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reversed.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return reversed;
    }
}
