package org.herdbook.ballots.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.herdbook.ballots.audit.TestElection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged verifier jar as members will ({@code java -jar ...-verifier.jar}), in its
 * own JVM with nothing else on the class path.
 */
class VerifierJarIT {

    private static final Path JAR = Path.of(System.getProperty("herdbook.verifier.jar", "target/missing.jar"));

    @TempDir
    Path directory;

    @Test
    void verifiesABundleAndFailsATamperedOne() throws Exception {
        assertThat(JAR).exists();
        TestElection election = new TestElection();
        Path good = Files.writeString(directory.resolve("bundle.json"), election.json());
        Path bad = Files.writeString(directory.resolve("bad.json"), election.json().replace("\"superseded\":true", "\"superseded\":false"));
        assertThat(java(good.toString())).isEqualTo(0);
        assertThat(java(bad.toString())).isEqualTo(1);
        assertThat(java(directory.resolve("none.json").toString())).isEqualTo(2);
    }

    private int java(String bundle) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--lang", "en", bundle)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
