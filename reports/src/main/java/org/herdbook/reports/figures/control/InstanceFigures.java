package org.herdbook.reports.figures.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.Optional;
import javax.sql.DataSource;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * The instance's figures, stored per month ({@code reports.instance_figures}) so that a report
 * never changes when Mastodon's counters expire. The last writer wins until a report of the month
 * is published; the published report keeps its own frozen copy.
 */
@ApplicationScoped
public class InstanceFigures {

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    protected InstanceFigures() {
    }

    public InstanceFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<MonthlyFigures.Instance> of(YearMonth month) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT users, active_users, new_users,"
                        + " reports_opened, reports_resolved, appeals_received, appeals_approved, source"
                        + " FROM reports.instance_figures WHERE month = ?")) {
            select.setObject(1, month.atDay(1));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MonthlyFigures.Instance(rows.getLong(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), (Long) rows.getObject(6, Long.class),
                        (Long) rows.getObject(7, Long.class), rows.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read instance figures: " + e.getMessage(), e);
        }
    }

    /** Stores the month's figures, replacing earlier ones. */
    public void store(YearMonth month, MonthlyFigures.Instance figures, String recordedBy) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO reports.instance_figures"
                        + " (month, users, active_users, new_users, reports_opened, reports_resolved, appeals_received,"
                        + " appeals_approved, source, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (month) DO UPDATE SET users = excluded.users, active_users = excluded.active_users,"
                        + " new_users = excluded.new_users, reports_opened = excluded.reports_opened,"
                        + " reports_resolved = excluded.reports_resolved, appeals_received = excluded.appeals_received,"
                        + " appeals_approved = excluded.appeals_approved, source = excluded.source,"
                        + " recorded_by = excluded.recorded_by, recorded_at = now()")) {
            upsert.setObject(1, month.atDay(1));
            upsert.setLong(2, figures.users());
            upsert.setLong(3, figures.activeUsers());
            upsert.setLong(4, figures.newUsers());
            upsert.setLong(5, figures.reportsOpened());
            upsert.setLong(6, figures.reportsResolved());
            setNullable(upsert, 7, figures.appealsReceived());
            setNullable(upsert, 8, figures.appealsApproved());
            upsert.setString(9, figures.source());
            upsert.setString(10, recordedBy);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store instance figures: " + e.getMessage(), e);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
