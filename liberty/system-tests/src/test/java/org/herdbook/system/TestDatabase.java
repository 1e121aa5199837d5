package org.herdbook.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Direct SQL on the test server's embedded PostgreSQL, for what no API may do: prove the database
 * itself refuses to rewrite history, count rows a refused request must not have written, and age a
 * link past its expiry. The port is read from the cluster's {@code postmaster.pid}.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() {
        try {
            List<String> pid = Files.readAllLines(Path.of(System.getProperty("herdbook.pgdata")).resolve("postmaster.pid"));
            int port = Integer.parseInt(pid.get(3).strip());
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/herdbook", "postgres", "");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot reach the test server's database", e);
        }
    }

    /** The single number {@code sql} selects, with {@code parameters} bound in order. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs {@code sql}; the database's refusal comes back as the exception. */
    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
