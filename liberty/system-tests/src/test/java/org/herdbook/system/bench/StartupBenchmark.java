package org.herdbook.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.herdbook.system.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Start-up time to ready and resident memory of the server, warm (runtime installed, database
 * initialised). Runs only with {@code -Pbench}; prints its figures beside the targets.
 */
class StartupBenchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class.getName());
    private static final int RESTARTS = 3;
    private static final Duration READY_TARGET = Duration.ofSeconds(10);
    private static final long RSS_TARGET_MB = 400;

    @Test
    void warmStartToReadyAndIdleResidentMemory() throws Exception {
        TestServer.awaitReady(Duration.ofMinutes(3));
        List<Long> startMillis = new ArrayList<>();
        for (int run = 1; run <= RESTARTS; run++) {
            server("stop");
            long begin = System.nanoTime();
            server("start");
            TestServer.awaitReady(Duration.ofMinutes(3));
            startMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        }
        Thread.sleep(15_000);
        long serverRssMb = residentMegabytes(serverPid());
        long postgresRssMb = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToLong(process -> residentMegabytes(process.pid())).sum();
        long best = startMillis.stream().mapToLong(Long::longValue).min().orElseThrow();
        String report = String.format("%n== Herdbook start-up benchmark (warm, %d restarts) ==%n"
                        + "start to /health/ready UP (ms): %s; best %d ms (target < %d ms): %s%n"
                        + "server JVM resident memory after 15 s idle: %d MB (target < %d MB): %s%n"
                        + "embedded PostgreSQL processes, resident memory: %d MB%n",
                RESTARTS, startMillis, best, READY_TARGET.toMillis(), best < READY_TARGET.toMillis() ? "met" : "NOT MET",
                serverRssMb, RSS_TARGET_MB, serverRssMb < RSS_TARGET_MB ? "met" : "NOT MET", postgresRssMb);
        LOG.info(report);
        System.err.println(report);
        assertThat(startMillis).hasSize(RESTARTS);
    }

    private static void server(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(TestServer.wlp().resolve("bin/server").toString(), action, "herdbook-it")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("server " + action).isTrue();
    }

    private static long serverPid() throws IOException {
        return Long.parseLong(Files.readString(TestServer.wlp().resolve("usr/servers/.pid/herdbook-it.pid")).trim());
    }

    /** VmRSS from /proc, in megabytes (Linux). */
    private static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
