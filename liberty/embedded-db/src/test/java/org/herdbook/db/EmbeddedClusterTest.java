package org.herdbook.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClusterTest {

    @TempDir
    Path temp;

    @Test
    void keepsDataAcrossRestartsOnTheSameDirectory() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedCluster first = EmbeddedCluster.start(data)) {
            execute(first, "CREATE TABLE kept (name text)", "INSERT INTO kept VALUES ('first run')");
        }
        try (EmbeddedCluster second = EmbeddedCluster.start(data)) {
            assertThat(queryString(second, "SELECT name FROM kept")).isEqualTo("first run");
        }
    }

    @Test
    void startsCleanlyAfterTheServerWasKilledWithSigkill() throws Exception {
        Path data = temp.resolve("pgdata");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledServerSimulation.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        long orphanPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertThat(line).as("the child server reported ready").isNotNull();
            orphanPid = Long.parseLong(line.substring("READY ".length()).trim());
        }
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("postgres outlived its server").contains(true);

        try (EmbeddedCluster restarted = EmbeddedCluster.start(data)) {
            assertThat(queryString(restarted, "SELECT current_database()")).isEqualTo(HerdbookDataSource.DATABASE_NAME);
            assertThat(restarted.postmasterPid()).isPresent().get().isNotEqualTo(orphanPid);
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void dataSourceUsesTheExternalServerAndStartsNothingWhenAUrlIsSet() throws Exception {
        Path other = temp.resolve("other-server");
        Path unused = temp.resolve("must-stay-empty");
        try (EmbeddedCluster external = EmbeddedCluster.start(other)) {
            execute(external, "CREATE TABLE marker (v text)", "INSERT INTO marker VALUES ('external')");
            HerdbookDataSource dataSource = new HerdbookDataSource();
            dataSource.setUrl("jdbc:postgresql://localhost:" + external.port() + "/herdbook");
            dataSource.setUser("postgres");
            dataSource.setDataDirectory(unused.toString());

            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT v FROM marker")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("external");
            }
            assertThat(dataSource.isExternal()).isTrue();
            assertThat(Files.exists(unused)).as("no embedded server was started").isFalse();
        }
    }

    @Test
    void dataSourceWithoutUrlStartsTheEmbeddedServerOnItsDirectoryOnce() throws Exception {
        Path data = temp.resolve("embedded");
        HerdbookDataSource first = new HerdbookDataSource();
        first.setDataDirectory(data.toString());
        HerdbookDataSource second = new HerdbookDataSource();
        second.setDataDirectory(data.toString());
        try {
            assertThat(queryString(first, "SELECT current_setting('port')"))
                    .isEqualTo(queryString(second, "SELECT current_setting('port')"));
            assertThat(Files.exists(data.resolve("postgresql.conf"))).isTrue();
        } finally {
            EmbeddedCluster.forDirectory(data).close();
        }
    }

    @Test
    void defaultDataDirectoryIsUnderTheUsersHomeNotTheBuildDirectory() {
        HerdbookDataSource dataSource = new HerdbookDataSource();
        dataSource.setDataDirectory("  ");
        assertThat(dataSource.effectiveDataDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".herdbook", "pgdata"));
        assertThat(dataSource.isExternal()).isFalse();
    }

    @Test
    void aBadExternalUrlFailsWithTheDriversMessage() {
        HerdbookDataSource dataSource = new HerdbookDataSource();
        dataSource.setUrl("jdbc:postgresql://localhost:1/nowhere");
        dataSource.setLoginTimeout(2);
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
    }

    private static void execute(EmbeddedCluster cluster, String... statements) throws SQLException {
        try (Connection connection = cluster.dataSource(HerdbookDataSource.DATABASE_NAME).getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryString(EmbeddedCluster cluster, String sql) throws SQLException {
        try (Connection connection = cluster.dataSource(HerdbookDataSource.DATABASE_NAME).getConnection()) {
            return single(connection, sql);
        }
    }

    private static String queryString(HerdbookDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return single(connection, sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
