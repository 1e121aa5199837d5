package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herdbook.system.FirstRunIT.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Act three: the server is killed with {@code kill -9} (its PostgreSQL is left running, orphaned)
 * and started again. It must come back cleanly with everything created before.
 */
class RestartIT {

    @Test
    void afterKillMinus9TheServerRestartsCleanlyAndKeepsItsData() throws Exception {
        Path pidFile = TestServer.wlp().resolve("usr/servers/.pid/herdbook-it.pid");
        long serverPid = Long.parseLong(Files.readString(pidFile).trim());
        Path pgdata = Path.of(System.getProperty("herdbook.pgdata"));
        long postgresPid = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());

        ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(60, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).as("PostgreSQL outlived the killed server")
                .contains(true);

        // Started again with an administrator in the environment: one exists already, so none is added.
        ProcessBuilder start = new ProcessBuilder(TestServer.wlp().resolve("bin/server").toString(), "start", "herdbook-it")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        start.environment().put("HERDBOOK_ADMIN_EMAIL", "second.admin@herdbook.test");
        start.environment().put("HERDBOOK_ADMIN_PASSWORD", "another long password");
        // Demo data goes only into an empty Herdbook: this one has a foundation.
        start.environment().put("HERDBOOK_DEMO", "true");
        assertThat(start.start().waitFor(180, TimeUnit.SECONDS)).isTrue();
        TestServer.awaitReady(Duration.ofMinutes(3));

        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned PostgreSQL was stopped").isFalse();
        assertThat(TestServer.adminToken()).startsWith("hbt_");
        assertThat(TestServer.postJson(TestServer.newSession(), "/api/tokens",
                credentials("second.admin@herdbook.test", "another long password")).statusCode()).isEqualTo(401);
        assertThat(TestServer.get(TestServer.newSession(), "/").body()).contains(TestServer.FOUNDATION_NAME);
        assertThat(TestServer.log()).contains("already has a foundation: no demo data loaded");
        assertThat(TestServer.postJson(TestServer.newSession(), "/api/tokens",
                credentials("admin@demo.herdbook.invalid", "any password at all")).statusCode()).isEqualTo(401);
    }
}
