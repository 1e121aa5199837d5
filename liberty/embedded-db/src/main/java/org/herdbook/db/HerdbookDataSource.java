package org.herdbook.db;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@link DataSource} Open Liberty's connection pool draws from.
 *
 * <p>Liberty sets the bean properties from {@code server.xml}. When {@link #setUrl(String) url}
 * is not blank, connections go to that PostgreSQL server with {@code user} and {@code password}.
 * Otherwise the first connection request starts (or reuses) the embedded PostgreSQL whose data
 * lives in {@link #setDataDirectory(String) dataDirectory}, by default
 * {@code ~/.herdbook/pgdata}.
 *
 * <p>Thread-safe: the delegate is created once, under a lock, on first use.
 */
public class HerdbookDataSource implements DataSource {

    static final String DATABASE_NAME = "herdbook";

    private String url = "";
    private String user = "";
    private String password = "";
    private String dataDirectory = "";
    private int loginTimeout;
    private PrintWriter logWriter;
    private volatile PGSimpleDataSource delegate;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? "" : url.trim();
    }

    /** Alias for {@link #setUrl(String)}: Liberty may call either spelling. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user.trim();
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory == null ? "" : dataDirectory.trim();
    }

    /** True when this data source points at an external server and never starts one. */
    public boolean isExternal() {
        return !url.isEmpty();
    }

    /** The data directory the embedded server uses when no URL is configured. */
    public Path effectiveDataDirectory() {
        if (!dataDirectory.isEmpty()) {
            return Path.of(dataDirectory).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".herdbook", "pgdata");
    }

    private PGSimpleDataSource delegate() throws SQLException {
        PGSimpleDataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = isExternal() ? external() : EmbeddedCluster.forDirectory(effectiveDataDirectory())
                            .dataSource(DATABASE_NAME);
                    current.setLoginTimeout(loginTimeout);
                    delegate = current;
                }
            }
        }
        return current;
    }

    private PGSimpleDataSource external() {
        PGSimpleDataSource external = new PGSimpleDataSource();
        external.setURL(url);
        if (!user.isEmpty()) {
            external.setUser(user);
        }
        if (!password.isEmpty()) {
            external.setPassword(password);
        }
        // jsonb and enum columns bound from Java strings, the same on both kinds of server.
        external.setStringType("unspecified");
        return external;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger(HerdbookDataSource.class.getPackageName());
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
