package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The test server's embedded PostgreSQL, opened directly: to make accounts for a test (there is
 * no sign-up yet) and to check what was stored. Never used by the server's own code paths.
 */
final class ItDatabase {

    private ItDatabase() {
    }

    /** A member with the administrator's password hash, so {@link TestServer#ADMIN_PASSWORD} signs them in. */
    static String newMember(String name) {
        String email = name + "-" + UUID.randomUUID() + "@herdbook.test";
        UUID id = UUID.randomUUID();
        try (Connection connection = connect()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO governance.account"
                    + " (id, email, display_name, password_hash, preferred_language)"
                    + " SELECT ?, ?, ?, password_hash, 'en' FROM governance.account WHERE email = ?")) {
                insert.setObject(1, id);
                insert.setString(2, email);
                insert.setString(3, name);
                insert.setString(4, TestServer.ADMIN_EMAIL);
                assertThat(insert.executeUpdate()).as("the administrator from FirstRunIT exists").isEqualTo(1);
            }
            try (PreparedStatement role = connection.prepareStatement(
                    "INSERT INTO governance.account_role (account_id, role) VALUES (?, 'member')")) {
                role.setObject(1, id);
                role.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return email;
    }

    /** As if the account had been created without a password (Mastodon is then its only way in). */
    static void dropPassword(String email) {
        update("UPDATE governance.account SET password_hash = NULL WHERE email = ?", email);
    }

    static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        try {
            Path pgdata = Path.of(System.getProperty("herdbook.pgdata"));
            // Line 4 of postmaster.pid is the port the embedded server chose.
            String port = Files.readAllLines(pgdata.resolve("postmaster.pid")).get(3).trim();
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/herdbook", "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("the test server's database is not running", e);
        }
    }
}
