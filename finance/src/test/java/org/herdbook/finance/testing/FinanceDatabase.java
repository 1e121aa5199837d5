package org.herdbook.finance.testing;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.herdbook.db.EmbeddedCluster;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL database with the finance migrations applied, new for each test: one
 * embedded cluster per test JVM, one migrated template, and a copy of it per {@link #create()}.
 *
 * <p>{@link #inTransaction} stands in for the container's JTA transaction: every
 * {@code getConnection()} inside it returns the same connection, committed at the end or rolled
 * back if the work throws, as {@code @Transactional} does on the server.
 */
public final class FinanceDatabase implements DataSource {

    private static final String TEMPLATE = "finance_template";
    private static EmbeddedCluster cluster;

    private final PGSimpleDataSource target;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    private FinanceDatabase(PGSimpleDataSource target) {
        this.target = target;
    }

    public static synchronized FinanceDatabase create() {
        try {
            if (cluster == null) {
                cluster = EmbeddedCluster.forDirectory(Path.of("target", "finance-test-pgdata"));
                try (Connection admin = cluster.dataSource("postgres").getConnection(); Statement sql = admin.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
                    sql.execute("CREATE DATABASE " + TEMPLATE);
                }
                Flyway.configure().dataSource(cluster.dataSource(TEMPLATE)).schemas("finance")
                        .locations("classpath:db/migration/finance").load().migrate();
            }
            String name = "finance_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
            try (Connection admin = cluster.dataSource("postgres").getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            }
            PGSimpleDataSource dataSource = cluster.dataSource(name);
            dataSource.setReWriteBatchedInserts(true);
            return new FinanceDatabase(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in one transaction, as the server's {@code @Transactional} boundary would. */
    public <T> T inTransaction(Callable<T> work) {
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            current.set(connection);
            try {
                T result = work.call();
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                connection.rollback();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e);
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** A statement run outside any transaction (autocommit), for checks and for attacks on the rules. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public long count(String sql) throws SQLException {
        try (Connection connection = target.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection shared = current.get();
        if (shared == null) {
            return target.getConnection();
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if ("close".equals(method.getName())) {
                        return null;
                    }
                    try {
                        return method.invoke(shared, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
        return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
