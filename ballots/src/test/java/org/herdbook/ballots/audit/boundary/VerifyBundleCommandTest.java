package org.herdbook.ballots.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.herdbook.ballots.audit.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyBundleCommandTest {

    private static final TestElection ELECTION = new TestElection();

    @TempDir
    static Path directory;
    static Path good;
    static Path tampered;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeBundles() throws IOException {
        good = Files.writeString(directory.resolve("bundle.json"), ELECTION.json());
        tampered = Files.writeString(directory.resolve("tampered.json"),
                ELECTION.json().replace("\"winners\":[\"chocolate\",\"oranges\",\"strawberries\"]",
                        "\"winners\":[\"chocolate\",\"oranges\",\"hamburgers\"]"));
    }

    @Test
    void exitsZeroOnAGoodBundle() {
        assertThat(run(good.toString(), "--lang", "en")).isEqualTo(VerifyBundleCommand.VERIFIED);
        assertThat(out()).contains("21 ballots in the log, 20 counted").contains("VERIFIED").contains("strawberries");
        assertThat(err()).isEmpty();
    }

    @Test
    void exitsOneAndPrintsEachFindingOnATamperedBundle() {
        assertThat(ELECTION.json()).contains("\"winners\":[\"chocolate\",\"oranges\",\"strawberries\"]");
        assertThat(run("--lang", "en", tampered.toString())).isEqualTo(VerifyBundleCommand.NOT_VERIFIED);
        assertThat(out()).contains("[tally-recount]").contains("[result-tally]").contains("NOT VERIFIED");
    }

    @Test
    void speaksFrench() {
        assertThat(run("--lang", "fr", tampered.toString())).isEqualTo(VerifyBundleCommand.NOT_VERIFIED);
        assertThat(out()).contains("Le recomptage des bulletins ne correspond pas").contains("NON VÉRIFIÉ");
    }

    @Test
    void exitsTwoOnWrongUsageOrAnUnreadableFile() {
        assertThat(run()).isEqualTo(VerifyBundleCommand.USAGE);
        assertThat(err()).contains("Usage");
        assertThat(run(directory.resolve("missing.json").toString())).isEqualTo(VerifyBundleCommand.USAGE);
        assertThat(run(good.toString(), tampered.toString())).isEqualTo(VerifyBundleCommand.USAGE);
        assertThat(run("--unknown", good.toString())).isEqualTo(VerifyBundleCommand.USAGE);
    }

    @Test
    void checksThatABallotIsInTheLog() {
        String ballotId = ELECTION.bundle.ballots().get(4).ballotId();
        assertThat(run("--lang", "en", "--ballot", ballotId, good.toString())).isEqualTo(VerifyBundleCommand.VERIFIED);
        assertThat(out()).contains("Your ballot is entry 4 of the published ballot log of 21 entries.");
        assertThat(run("--lang", "en", "--ballot", "AAAA", good.toString())).isEqualTo(VerifyBundleCommand.NOT_VERIFIED);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return VerifyBundleCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
