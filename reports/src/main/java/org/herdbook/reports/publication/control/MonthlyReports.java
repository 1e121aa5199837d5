package org.herdbook.reports.publication.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.reports.publication.entity.MonthlyReport;

/**
 * The stored reports ({@code reports.monthly_report}): at most one draft per month, and the
 * published versions, which the database refuses to change or delete.
 */
@ApplicationScoped
public class MonthlyReports {

    private static final String COLUMNS = "r.id, r.month, r.state, r.version, r.narrative_en, r.narrative_fr,"
            + " r.figures::text, r.pdf_sha256, r.signature, r.replaces, p.version, r.created_by, r.updated_at,"
            + " r.published_by, r.published_at";
    private static final String FROM = " FROM reports.monthly_report r"
            + " LEFT JOIN reports.monthly_report p ON p.id = r.replaces";

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    protected MonthlyReports() {
    }

    public MonthlyReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<MonthlyReport> draft(YearMonth month) {
        return one("WHERE r.month = ? AND r.state = 'draft'", month.atDay(1));
    }

    /** The draft of the month, created empty if there is none (two servers racing create one). */
    public MonthlyReport draftOrNew(YearMonth month, String by) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO reports.monthly_report"
                        + " (id, month, state, created_by) VALUES (?, ?, 'draft', ?)"
                        + " ON CONFLICT (month) WHERE state = 'draft' DO NOTHING")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, month.atDay(1));
            insert.setString(3, by);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        return draft(month).orElseThrow();
    }

    public MonthlyReport updateNarrative(YearMonth month, String narrativeEn, String narrativeFr, String by) {
        MonthlyReport draft = draftOrNew(month, by);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE reports.monthly_report"
                        + " SET narrative_en = ?, narrative_fr = ?, updated_at = now() WHERE id = ? AND state = 'draft'")) {
            update.setString(1, narrativeEn);
            update.setString(2, narrativeFr);
            update.setObject(3, draft.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        return draft(month).orElseThrow();
    }

    /** Published versions of the month, oldest first. */
    public List<MonthlyReport> versions(YearMonth month) {
        return many("WHERE r.month = ? AND r.state = 'published' ORDER BY r.version", month.atDay(1));
    }

    public Optional<MonthlyReport> latest(YearMonth month) {
        List<MonthlyReport> versions = versions(month);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<MonthlyReport> version(YearMonth month, int version) {
        return one("WHERE r.month = ? AND r.state = 'published' AND r.version = ?", month.atDay(1), version);
    }

    /** The latest published version of every month, newest month first. */
    public List<MonthlyReport> index() {
        return many("WHERE r.state = 'published' AND NOT EXISTS (SELECT 1 FROM reports.monthly_report later"
                + " WHERE later.replaces = r.id) ORDER BY r.month DESC");
    }

    /** Every draft and published version, newest month first, then the draft before its versions, newest first. */
    public List<MonthlyReport> all() {
        return many("ORDER BY r.month DESC, r.state, r.version DESC");
    }

    public List<MonthlyReport> bySha256(String sha256) {
        return many("WHERE r.state = 'published' AND r.pdf_sha256 = ?", sha256);
    }

    public Optional<byte[]> pdf(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT pdf FROM reports.monthly_report WHERE id = ? AND state = 'published'")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Turns the month's draft into its next published version, with everything frozen. Versions
     * of a month are numbered under a lock on the month, so two boards publishing at once cannot
     * both become the same version.
     */
    public MonthlyReport publish(UUID draftId, YearMonth month, String figuresJson, byte[] pdf, String sha256,
            String signature, int version, UUID replaces, String by) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE reports.monthly_report SET"
                        + " state = 'published', version = ?, figures = ?::jsonb, pdf = ?, pdf_sha256 = ?, signature = ?,"
                        + " replaces = ?, published_by = ?, published_at = now(), updated_at = now()"
                        + " WHERE id = ? AND state = 'draft'")) {
            update.setInt(1, version);
            update.setString(2, figuresJson);
            update.setBytes(3, pdf);
            update.setString(4, sha256);
            update.setString(5, signature);
            update.setObject(6, replaces);
            update.setString(7, by);
            update.setObject(8, draftId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the draft of " + month + " was published or removed meanwhile");
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return version(month, version).orElseThrow();
    }

    /**
     * What changes whenever a version is published anywhere (by this server or another one sharing
     * the database): the number of published versions and the latest publication time.
     */
    public String publicationStamp() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*), max(published_at)"
                        + " FROM reports.monthly_report WHERE state = 'published'");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1) + "@" + rows.getString(2);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Serialises publications of one month until the transaction ends. */
    public void lockMonth(YearMonth month) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, 0x52505254); // "RPRT": reports
            lock.setInt(2, month.getYear() * 12 + month.getMonthValue());
            lock.execute();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Optional<MonthlyReport> one(String where, Object... parameters) {
        List<MonthlyReport> found = many(where, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<MonthlyReport> many(String where, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + FROM + " " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<MonthlyReport> reports = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reports.add(new MonthlyReport(rows.getObject(1, UUID.class),
                            YearMonth.from(rows.getObject(2, LocalDate.class)), "published".equals(rows.getString(3)),
                            (Integer) rows.getObject(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getObject(10, UUID.class),
                            (Integer) rows.getObject(11), rows.getString(12), instant(rows.getTimestamp(13)),
                            rows.getString(14), instant(rows.getTimestamp(15))));
                }
            }
            return reports;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static RuntimeException failure(SQLException e) {
        if ("P0001".equals(e.getSQLState())) {
            return new PublishedReportImmutable(e.getMessage());
        }
        return new IllegalStateException("reports database operation failed: " + e.getMessage(), e);
    }

    /** The database refused to change a published report. */
    public static final class PublishedReportImmutable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishedReportImmutable(String message) {
            super(message);
        }
    }
}
