package org.herdbook.finance.paypal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.control.Ledger;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.ledger.entity.AccountPurpose;
import org.herdbook.finance.ledger.entity.NewEntry;
import org.herdbook.finance.ledger.entity.Posting;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.activity.ActivityCsv;
import org.herdbook.finance.paypal.activity.ActivityFile;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.policy.FinancePolicy;

/**
 * Stores PayPal transactions (from an activity download or the Transaction Search API) and books
 * each one exactly once.
 *
 * <p>A transaction id already stored is a duplicate and is left alone, so importing the same
 * file twice, or overlapping files, adds nothing. A new transaction is booked unless a live
 * entry already claims it (booked by hand or from a webhook), in which case reconciliation
 * compares the two. Imports take a database lock, so two at once cannot book a transaction
 * twice. Everything happens in the caller's transaction: an import is whole or not at all.
 */
@ApplicationScoped
public class PaypalImport {

    /** {@code pg_advisory_xact_lock} key shared by everything that books PayPal transactions. */
    public static final long LOCK = 0x4845524442L;
    /**
     * First key of the {@code pg_advisory_xact_lock(int, int)} lock each single PayPal
     * transaction's booking takes ("PPTX"; the second key is a hash of the transaction id).
     */
    static final int TRANSACTION_LOCKS = 0x50505458;
    private static final int CHUNK = 5000;
    private static final int ANALYZE_AFTER = 5000;
    private static final String IMPORTER = "paypal-import";

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    Ledger ledger;
    @Inject
    FinancePolicy policy;

    protected PaypalImport() {
    }

    public PaypalImport(DataSource dataSource, Ledger ledger, FinancePolicy policy) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.policy = policy;
    }

    /**
     * Imports an activity download.
     *
     * @param content the file's bytes
     * @param fileName its name as uploaded, for the history
     * @param importedBy who imports it
     * @param book whether to book new transactions at once (otherwise reconciliation lists them)
     * @param progress told as transactions are stored
     * @return what was imported, or why nothing was
     */
    public ImportReport importActivity(byte[] content, String fileName, String importedBy, boolean book,
            ImportProgress progress) {
        String sha256 = sha256(content);
        if (content.length > policy.importMaxBytes()) {
            return rejected("activity-csv", fileName, sha256, importedBy, 0,
                    List.of(ImportProblem.ofFile("too-large", Long.toString(content.length / (1024 * 1024)),
                            Long.toString(policy.importMaxBytes() / (1024 * 1024)))), 1);
        }
        ActivityFile file = ActivityCsv.parse(content);
        if (!file.acceptable()) {
            return rejected("activity-csv", fileName, sha256, importedBy, file.rows(), file.problems(), file.problemCount());
        }
        return importLines("activity-csv", fileName, sha256, file.rows(), file.skipped(), file.lines(), importedBy, book,
                progress);
    }

    /** Imports lines read elsewhere (the Transaction Search API); see {@link #importActivity}. */
    public ImportReport importLines(String source, String fileName, String sha256, int rows, int skipped,
            List<PaypalLine> lines, String importedBy, boolean book, ImportProgress progress) {
        return importLines(source, fileName, sha256, rows, skipped, lines, importedBy, book, progress, Map.of());
    }

    /**
     * The same, where a refund or reversal whose original is not booked yet (it may arrive later,
     * by webhook) is booked on the account of purpose {@code refundPurposes.get(its transaction id)}
     * rather than other income.
     */
    public ImportReport importLines(String source, String fileName, String sha256, int rows, int skipped,
            List<PaypalLine> lines, String importedBy, boolean book, ImportProgress progress,
            Map<String, String> refundPurposes) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, PaypalLine> unique = new LinkedHashMap<>();
            for (PaypalLine line : lines) {
                unique.putIfAbsent(line.transactionId(), line);
            }
            // Read before the lock: none of it decides whether a transaction is booked once, and the
            // lock is held until the transaction commits.
            ZoneId zone = policy.timeZone();
            Ledger.Checks checks;
            if (unique.size() == 1) {
                // One transaction (a webhook, the return page): its lock taken in the checks' round trip.
                String key = lockKey(unique.values().iterator().next());
                checks = ledger.checks(connection, TRANSACTION_LOCK, statement -> bindTransactionLock(statement, key));
                if (book) {
                    ImportReport report = bookOne(connection, unique.values().iterator().next(), source, fileName,
                            sha256, importedBy, rows, skipped, lines.size(), refundPurposes, checks, zone);
                    if (report != null) {
                        int total = report.newLines() + report.booked();
                        if (total > 0) {
                            progress.progressed(total, total);
                        }
                        return report;
                    }
                }
            } else {
                checks = ledger.checks(connection);
                lock(connection, unique.keySet());
            }
            Set<String> known = existing(connection, "SELECT transaction_id FROM finance.paypal_line"
                    + " WHERE transaction_id = ANY (?::text[])", unique.keySet());
            List<PaypalLine> fresh = unique.values().stream().filter(line -> !known.contains(line.transactionId())).toList();
            int duplicates = lines.size() - fresh.size();

            Set<YearMonth> closed = checks.closedMonths();
            List<ImportProblem> problems = new ArrayList<>();
            for (PaypalLine line : fresh) {
                YearMonth month = YearMonth.from(line.occurredAt().atZone(zone));
                if (closed.contains(month) && problems.size() < ImportReport.MAX_PROBLEMS) {
                    problems.add(ImportProblem.ofFile("closed-month", line.transactionId(), month.toString()));
                }
            }
            if (!problems.isEmpty()) {
                return rejected(source, fileName, sha256, importedBy, rows, problems, problems.size());
            }

            List<NewEntry> entries = new ArrayList<>();
            if (book) {
                Set<String> claimed = existing(connection, "SELECT e.paypal_txn_id FROM finance.journal_entry e"
                        + " WHERE e.paypal_txn_id = ANY (?::text[]) AND e.reverses IS NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM finance.journal_entry r WHERE r.reverses = e.id AND r.reverses IS NOT NULL)",
                        fresh.stream().map(PaypalLine::transactionId).toList());
                entries = entries(connection, fresh.stream().filter(line -> !claimed.contains(line.transactionId())).toList(),
                        refundPurposes, checks.byPurpose(), zone);
            }
            UUID id = UUID.randomUUID();
            insertImport(connection, id, source, fileName, sha256, importedBy, "imported", rows, fresh.size(), duplicates,
                    entries.size(), skipped, List.of());
            int total = fresh.size() + entries.size();
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                insertLines(connection, id, fresh.subList(from, Math.min(fresh.size(), from + CHUNK)), zone);
                progress.progressed(Math.min(fresh.size(), from + CHUNK), total);
            }
            for (int from = 0; from < entries.size(); from += CHUNK) {
                ledger.bookAll(connection, entries.subList(from, Math.min(entries.size(), from + CHUNK)), IMPORTER, checks);
                if (from == 0 && entries.size() >= ANALYZE_AFTER) {
                    analyze(connection, "finance.journal_entry");
                }
                progress.progressed(fresh.size() + Math.min(entries.size(), from + CHUNK), total);
            }
            if (fresh.size() >= ANALYZE_AFTER) {
                analyze(connection, "finance.paypal_line, finance.journal_entry, finance.posting");
            }
            return new ImportReport(id, true, rows, fresh.size(), duplicates, entries.size(), skipped, List.of(), 0);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** Books a stored PayPal transaction that no live entry claims (a reconciliation resolution). */
    public void book(String transactionId, String bookedBy) {
        try (Connection connection = dataSource.getConnection()) {
            ZoneId zone = policy.timeZone();
            Ledger.Checks checks = ledger.checks(connection);
            // Stored lines never change, so reading it before the lock is safe, and its lock key needs it.
            PaypalLine line = storedLines(connection, List.of(transactionId)).stream().findFirst()
                    .orElseThrow(() -> Refusal.notFound("finance.reconciliation.unknownLine", transactionId));
            lock(connection, List.of(lockKey(line)));
            Set<String> claimed = existing(connection, "SELECT e.paypal_txn_id FROM finance.journal_entry e"
                    + " WHERE e.paypal_txn_id = ANY (?::text[]) AND e.reverses IS NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM finance.journal_entry r WHERE r.reverses = e.id AND r.reverses IS NOT NULL)", List.of(transactionId));
            if (!claimed.isEmpty()) {
                throw Refusal.conflict("finance.reconciliation.alreadyBooked", transactionId);
            }
            ledger.bookAll(connection, entries(connection, List.of(line), Map.of(), checks.byPurpose(), zone), bookedBy,
                    checks);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** Stored PayPal lines dated (in the foundation's time zone) inside {@code month}. */
    public List<PaypalLine> linesIn(YearMonth month) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LINE_COLUMNS
                        + " WHERE line_date BETWEEN ? AND ? ORDER BY occurred_at, transaction_id")) {
            select.setObject(1, month.atDay(1));
            select.setObject(2, month.atEndOfMonth());
            return readLines(select);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private static final String LINE_COLUMNS = "SELECT transaction_id, occurred_at, kind, type_label, status, currency,"
            + " gross, fee, net, reference_txn_id, counterparty FROM finance.paypal_line";

    private static List<PaypalLine> storedLines(Connection connection, Collection<String> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LINE_COLUMNS + " WHERE transaction_id = ANY (?::text[])")) {
            select.setArray(1, Sql.textArray(connection, List.copyOf(ids)));
            return readLines(select);
        }
    }

    private static List<PaypalLine> readLines(PreparedStatement select) throws SQLException {
        List<PaypalLine> lines = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                java.util.Currency currency = java.util.Currency.getInstance(rows.getString(6).strip());
                lines.add(new PaypalLine(rows.getString(1), rows.getTimestamp(2).toInstant(),
                        LineKind.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                        Money.of(rows.getBigDecimal(7), currency), Money.of(rows.getBigDecimal(8), currency),
                        Money.of(rows.getBigDecimal(9), currency), rows.getString(10), rows.getString(11)));
            }
        }
        return lines;
    }

    /** Entries for {@code lines}: refunds find their original's account, conversion pairs their rate. */
    private static List<NewEntry> entries(Connection connection, List<PaypalLine> lines, Map<String, String> refundPurposes,
            Map<String, String> byPurpose, ZoneId zone) throws SQLException {
        if (!byPurpose.containsKey(AccountPurpose.PAYPAL)) {
            throw new IllegalStateException("the chart of accounts has no PayPal account");
        }
        PaypalBooking booking = new PaypalBooking(byPurpose, zone);
        Map<String, String> originalAccounts = new HashMap<>();
        Set<String> references = new HashSet<>();
        Map<String, PaypalLine> byId = new HashMap<>();
        for (PaypalLine line : lines) {
            byId.put(line.transactionId(), line);
            if ((line.kind() == LineKind.REFUND || line.kind() == LineKind.REVERSAL) && line.referenceTransactionId() != null) {
                references.add(line.referenceTransactionId());
            }
        }
        for (String reference : references) {
            PaypalLine original = byId.get(reference);
            if (original != null) {
                originalAccounts.put(reference, booking.counterAccount(original));
            }
        }
        references.removeAll(originalAccounts.keySet());
        originalAccounts.putAll(bookedCounterAccounts(connection, references));
        Map<String, BigDecimal> rates = conversionRates(lines);
        List<NewEntry> entries = new ArrayList<>(lines.size());
        for (PaypalLine line : lines) {
            String original = line.referenceTransactionId() == null ? null : originalAccounts.get(line.referenceTransactionId());
            if (original == null && refundPurposes.containsKey(line.transactionId())) {
                original = byPurpose.get(refundPurposes.get(line.transactionId()));
            }
            entries.add(booking.entryFor(line, original, rates.get(line.transactionId())));
        }
        return entries;
    }

    /**
     * PayPal reports a conversion as two lines at the same moment, money leaving in one currency
     * and arriving in another, that refer to each other or to the same third transaction.
     */
    static Map<String, BigDecimal> conversionRates(List<PaypalLine> lines) {
        Map<String, PaypalLine> conversions = new HashMap<>();
        for (PaypalLine line : lines) {
            if (line.kind() == LineKind.CURRENCY_CONVERSION) {
                conversions.put(line.transactionId(), line);
            }
        }
        Map<String, List<PaypalLine>> pairs = new HashMap<>();
        for (PaypalLine line : conversions.values()) {
            pairs.computeIfAbsent(line.occurredAt() + "|" + pairKey(line, conversions), key -> new ArrayList<>()).add(line);
        }
        Map<String, BigDecimal> rates = new HashMap<>();
        for (List<PaypalLine> pair : pairs.values()) {
            if (pair.size() == 2 && !pair.get(0).net().getCurrency().equals(pair.get(1).net().getCurrency())
                    && pair.get(0).net().isNegative() != pair.get(1).net().isNegative()) {
                PaypalLine from = pair.get(0).net().isNegative() ? pair.get(0) : pair.get(1);
                PaypalLine to = from == pair.get(0) ? pair.get(1) : pair.get(0);
                BigDecimal rate = PaypalBooking.rate(from.net(), to.net());
                rates.put(from.transactionId(), rate);
                rates.put(to.transactionId(), rate);
            }
        }
        return rates;
    }

    /** Two lines that refer to each other share their two ids; otherwise lines share the id they refer to. */
    private static String pairKey(PaypalLine line, Map<String, PaypalLine> conversions) {
        String reference = line.referenceTransactionId();
        if (reference == null) {
            return line.transactionId();
        }
        PaypalLine other = conversions.get(reference);
        if (other != null && line.transactionId().equals(other.referenceTransactionId())) {
            return line.transactionId().compareTo(reference) < 0 ? line.transactionId() + "|" + reference
                    : reference + "|" + line.transactionId();
        }
        return reference;
    }

    private static Map<String, String> bookedCounterAccounts(Connection connection, Set<String> transactionIds)
            throws SQLException {
        Map<String, String> accounts = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return accounts;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT e.paypal_txn_id, p.account_code FROM finance.journal_entry e"
                        + " JOIN finance.posting p ON p.entry_id = e.id"
                        + " JOIN finance.account a ON a.code = p.account_code"
                        + " WHERE e.paypal_txn_id = ANY (?::text[]) AND e.reverses IS NULL"
                        + " AND (a.purpose IS NULL OR a.purpose NOT IN ('paypal', 'fees', 'paypal-held'))")) {
            select.setArray(1, Sql.textArray(connection, List.copyOf(transactionIds)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accounts.putIfAbsent(rows.getString(1), rows.getString(2));
                }
            }
        }
        return accounts;
    }

    /**
     * Fresh statistics, or the planner goes on treating the grown tables as small ones. After the
     * first chunk only the entries matter (the posting check joins them); the lines and postings
     * are analyzed once at the end, for reconciliation.
     */
    private static void analyze(Connection connection, String tables) throws SQLException {
        try (PreparedStatement analyze = connection.prepareStatement("ANALYZE " + tables)) {
            analyze.execute();
        }
    }

    /**
     * The id whose lock a single booking takes: a refund's or reversal's original, otherwise its own.
     * A sale and its refunds take turns, so neither is booked (nor applied to a member's dues)
     * without seeing the other if it is already there, whichever comes first.
     */
    static String lockKey(PaypalLine line) {
        return (line.kind() == LineKind.REFUND || line.kind() == LineKind.REVERSAL)
                && line.referenceTransactionId() != null ? line.referenceTransactionId() : line.transactionId();
    }

    /**
     * Takes the booking lock for {@code transactionIds}, held until the transaction ends. One
     * transaction (a webhook, the return page, a reconciliation resolution) shares {@link #LOCK}
     * and takes its own id's lock exclusively, so bookings of different transactions run side by
     * side while two of the same one take turns; anything more (a file, a Transaction Search
     * window) takes {@link #LOCK} exclusively, and so waits for, and holds off, all of them.
     * The shared lock is taken first, always, so that a booking never holds an id's lock while
     * it queues behind an import. A single booking passes {@link #lockKey}.
     */
    static void lock(Connection connection, Collection<String> transactionIds) throws SQLException {
        if (transactionIds.size() != 1) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(TRANSACTION_LOCK)) {
            bindTransactionLock(lock, transactionIds.iterator().next());
            lock.execute();
        }
    }

    /**
     * One transaction's locks in one round trip, {@link #LOCK} shared and then the id's own; OFFSET 0
     * keeps the subquery (the shared lock) from being merged into, and so evaluated after, the outer one.
     */
    private static final String TRANSACTION_LOCK = "SELECT pg_advisory_xact_lock(?, hashtext(?))"
            + " FROM (SELECT pg_advisory_xact_lock_shared(?) OFFSET 0) AS shared";

    private static void bindTransactionLock(PreparedStatement lock, String transactionId) throws SQLException {
        lock.setInt(1, TRANSACTION_LOCKS);
        lock.setString(2, transactionId);
        lock.setLong(3, LOCK);
    }

    /**
     * Stores and books one PayPal transaction in one statement, under its lock: whether it is
     * stored already and whether a live entry claims it are read in the statement itself (its
     * snapshot is taken after the lock), then the import record, the line (unless stored) and the
     * entry with its postings (unless stored or claimed) are inserted, exactly as the general path
     * would. The database's statement triggers check what the statement inserted as they check a
     * file's. Returns null, leaving it to the general path, when the month is closed (the import
     * is then rejected, or the line is a duplicate) or the ledger would refuse the entry.
     */
    private static ImportReport bookOne(Connection connection, PaypalLine line, String source, String fileName,
            String sha256, String importedBy, int rows, int skipped, int delivered, Map<String, String> refundPurposes,
            Ledger.Checks checks, ZoneId zone) throws SQLException {
        if (checks.closedMonths().contains(YearMonth.from(line.occurredAt().atZone(zone)))) {
            return null;
        }
        NewEntry entry = entries(connection, List.of(line), refundPurposes, checks.byPurpose(), zone).get(0);
        try {
            Ledger.check(entry, checks);
        } catch (Refusal refused) {
            return null;
        }
        UUID id = UUID.randomUUID();
        boolean stored;
        boolean claimed;
        try (PreparedStatement statement = connection.prepareStatement(BOOK_ONE + postingValues(entry.postings().size())
                + " SELECT stored, claimed FROM found")) {
            int p = 0;
            String occurred = line.occurredAt().toString();
            statement.setString(++p, line.transactionId());
            statement.setString(++p, line.transactionId());
            // the import
            statement.setString(++p, id.toString());
            statement.setString(++p, source);
            statement.setString(++p, fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())));
            statement.setString(++p, sha256);
            statement.setString(++p, importedBy);
            statement.setInt(++p, rows);
            statement.setInt(++p, delivered);
            statement.setInt(++p, skipped);
            // the line
            statement.setString(++p, line.transactionId());
            statement.setString(++p, id.toString());
            statement.setString(++p, occurred);
            statement.setString(++p, occurred);
            statement.setString(++p, zone.getId());
            statement.setString(++p, line.kind().name());
            statement.setString(++p, line.typeLabel());
            statement.setString(++p, line.status() == null ? "" : line.status());
            statement.setString(++p, line.net().getCurrency().getCurrencyCode());
            statement.setString(++p, line.gross().getAmount().toPlainString());
            statement.setString(++p, line.fee().getAmount().toPlainString());
            statement.setString(++p, line.net().getAmount().toPlainString());
            statement.setString(++p, line.referenceTransactionId());
            statement.setString(++p, line.counterparty());
            // the entry and its postings
            statement.setString(++p, entry.id().toString());
            statement.setString(++p, entry.date().toString());
            statement.setString(++p, entry.occurredAt().toString());
            statement.setString(++p, entry.description());
            statement.setString(++p, entry.source().code());
            statement.setString(++p, entry.paypalTransactionId());
            statement.setString(++p, entry.reverses() == null ? null : entry.reverses().toString());
            statement.setString(++p, entry.exchangeRate() == null ? null : entry.exchangeRate().toPlainString());
            statement.setString(++p, IMPORTER);
            for (Posting posting : entry.postings()) {
                statement.setString(++p, posting.accountCode());
                statement.setString(++p, posting.amount().getCurrency().getCurrencyCode());
                statement.setString(++p, posting.amount().getAmount().toPlainString());
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                stored = result.getBoolean(1);
                claimed = result.getBoolean(2);
            }
        }
        int fresh = stored ? 0 : 1;
        return new ImportReport(id, true, rows, fresh, delivered - fresh, stored || claimed ? 0 : 1, skipped, List.of(), 0);
    }

    /** {@link #bookOne}'s statement up to the postings' values (see {@link #postingValues}). */
    private static final String BOOK_ONE = "WITH found AS (SELECT"
            + " EXISTS (SELECT 1 FROM finance.paypal_line WHERE transaction_id = ?::text) AS stored,"
            + " EXISTS (SELECT 1 FROM finance.journal_entry e WHERE e.paypal_txn_id = ?::text AND e.reverses IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM finance.journal_entry r WHERE r.reverses = e.id AND r.reverses IS NOT NULL))"
            + " AS claimed),"
            + " imported AS (INSERT INTO finance.paypal_import (id, source, file_name, file_sha256, imported_by, outcome,"
            + " row_count, new_lines, duplicates, booked, skipped)"
            + " SELECT ?::uuid, ?::text, ?::text, ?::text, ?::text, 'imported', ?::int, CASE WHEN f.stored THEN 0 ELSE 1 END,"
            + " ?::int - CASE WHEN f.stored THEN 0 ELSE 1 END, CASE WHEN f.stored OR f.claimed THEN 0 ELSE 1 END, ?::int"
            + " FROM found f),"
            + " line AS (INSERT INTO finance.paypal_line (transaction_id, import_id, occurred_at, line_date, kind, type_label,"
            + " status, currency, gross, fee, net, reference_txn_id, counterparty)"
            + " SELECT ?::text, ?::uuid, ?::timestamptz, (?::timestamptz AT TIME ZONE ?::text)::date, ?::text, ?::text,"
            + " ?::text, ?::text, ?::numeric, ?::numeric, ?::numeric, ?::text, ?::text FROM found f WHERE NOT f.stored),"
            + " entry AS (INSERT INTO finance.journal_entry (id, entry_date, occurred_at, description, source, paypal_txn_id,"
            + " reverses, exchange_rate, recorded_by)"
            + " SELECT ?::uuid, ?::date, ?::timestamptz, ?::text, ?::text, ?::text, ?::uuid, ?::numeric, ?::text"
            + " FROM found f WHERE NOT f.stored AND NOT f.claimed RETURNING id, entry_date),"
            + " posted AS (INSERT INTO finance.posting (entry_id, entry_date, account_code, currency, amount)"
            + " SELECT e.id, e.entry_date, p.account, p.currency, p.amount FROM entry e, (VALUES ";

    /** The postings' values, in order (their ids follow it), and the end of the postings' insert. */
    private static String postingValues(int count) {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            values.append(i == 1 ? "" : ", ").append('(').append(i).append(", ?::text, ?::text, ?::numeric)");
        }
        return values.append(") AS p(n, account, currency, amount) ORDER BY p.n)").toString();
    }

    private static Set<String> existing(Connection connection, String sql, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, Sql.textArray(connection, List.copyOf(ids)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private ImportReport rejected(String source, String fileName, String sha256, String importedBy, int rows,
            List<ImportProblem> problems, int problemCount) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            insertImport(connection, id, source, fileName, sha256, importedBy, "rejected", rows, 0, 0, 0, 0, problems);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return new ImportReport(id, false, rows, 0, 0, 0, 0, problems, problemCount);
    }

    private static void insertImport(Connection connection, UUID id, String source, String fileName, String sha256,
            String importedBy, String outcome, int rows, int newLines, int duplicates, int booked, int skipped,
            List<ImportProblem> problems) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO finance.paypal_import (id, source, file_name, file_sha256, imported_by, outcome, row_count,"
                        + " new_lines, duplicates, booked, skipped, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, id);
            insert.setString(2, source);
            insert.setString(3, fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())));
            insert.setString(4, sha256);
            insert.setString(5, importedBy);
            insert.setString(6, outcome);
            insert.setInt(7, rows);
            insert.setInt(8, newLines);
            insert.setInt(9, duplicates);
            insert.setInt(10, booked);
            insert.setInt(11, skipped);
            insert.setString(12, json(problems));
            insert.executeUpdate();
        }
    }

    private static void insertLines(Connection connection, UUID importId, List<PaypalLine> lines, ZoneId zone)
            throws SQLException {
        int size = lines.size();
        List<String> ids = new ArrayList<>(size);
        List<String> times = new ArrayList<>(size);
        List<String> kinds = new ArrayList<>(size);
        List<String> types = new ArrayList<>(size);
        List<String> statuses = new ArrayList<>(size);
        List<String> currencies = new ArrayList<>(size);
        List<String> gross = new ArrayList<>(size);
        List<String> fees = new ArrayList<>(size);
        List<String> nets = new ArrayList<>(size);
        List<String> references = new ArrayList<>(size);
        List<String> counterparties = new ArrayList<>(size);
        for (PaypalLine line : lines) {
            ids.add(line.transactionId());
            times.add(line.occurredAt().toString());
            kinds.add(line.kind().name());
            types.add(line.typeLabel());
            statuses.add(line.status() == null ? "" : line.status());
            currencies.add(line.net().getCurrency().getCurrencyCode());
            gross.add(line.gross().getAmount().toPlainString());
            fees.add(line.fee().getAmount().toPlainString());
            nets.add(line.net().getAmount().toPlainString());
            references.add(line.referenceTransactionId());
            counterparties.add(line.counterparty());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO finance.paypal_line (transaction_id, import_id, occurred_at, line_date, kind, type_label, status,"
                        + " currency, gross, fee, net, reference_txn_id, counterparty)"
                        + " SELECT u.id, ?, u.t::timestamptz, (u.t::timestamptz AT TIME ZONE ?)::date, u.k, u.ty, u.s, u.c,"
                        + " u.g::numeric, u.f::numeric, u.n::numeric, u.r, u.cp"
                        + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[], ?::text[], ?::text[]) AS u(id, t, k, ty, s, c, g, f, n, r, cp)")) {
            insert.setObject(1, importId);
            insert.setString(2, zone.getId());
            insert.setArray(3, Sql.textArray(connection, ids));
            insert.setArray(4, Sql.textArray(connection, times));
            insert.setArray(5, Sql.textArray(connection, kinds));
            insert.setArray(6, Sql.textArray(connection, types));
            insert.setArray(7, Sql.textArray(connection, statuses));
            insert.setArray(8, Sql.textArray(connection, currencies));
            insert.setArray(9, Sql.textArray(connection, gross));
            insert.setArray(10, Sql.textArray(connection, fees));
            insert.setArray(11, Sql.textArray(connection, nets));
            insert.setArray(12, Sql.textArray(connection, references));
            insert.setArray(13, Sql.textArray(connection, counterparties));
            insert.executeUpdate();
        }
    }

    static String json(List<ImportProblem> problems) {
        StringBuilder json = new StringBuilder("[");
        for (ImportProblem problem : problems) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"line\":").append(problem.line()).append(",\"code\":").append(quote(problem.code()))
                    .append(",\"arguments\":[");
            for (int i = 0; i < problem.arguments().size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(problem.arguments().get(i)));
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of a text, for imports that have no file. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
