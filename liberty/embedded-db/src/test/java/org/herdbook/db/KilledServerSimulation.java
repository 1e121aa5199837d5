package org.herdbook.db;

import java.nio.file.Path;

/**
 * Plays a server that starts the embedded database and is then killed with {@code kill -9}: run in
 * a child JVM by {@link EmbeddedClusterTest}, it prints the postmaster's pid and waits to die.
 */
public final class KilledServerSimulation {

    private KilledServerSimulation() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedCluster cluster = EmbeddedCluster.start(Path.of(args[0]));
        System.out.println("READY " + cluster.postmasterPid().orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
