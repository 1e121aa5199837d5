package org.herdbook.ballots.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.TestBallots.VoterKey;
import org.herdbook.ballots.audit.control.AuditBundleBuilder;
import org.herdbook.ballots.audit.control.BundleVerifier;
import org.herdbook.ballots.audit.entity.AuditBundle;
import org.herdbook.ballots.audit.entity.VerificationReport;
import org.herdbook.ballots.casting.control.BallotFormat;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.junit.jupiter.api.Test;

/**
 * Verify-and-tally of a 100,000-ballot bundle: a 3-seat STV board election among 8 candidates,
 * random partial rankings, one voter in fifty revoting, every ballot signed with its own Ed25519
 * key. Run with {@code ./mvnw -Pbench -pl ballots verify}; prints its figures (the target lives in
 * the README, not here). The bundle is generated once; only verification is timed as the result.
 */
class AuditBundleBenchmark {

    private static final int BALLOTS = 100_000;
    private static final List<String> CANDIDATES = List.of("ada", "barbara", "grace", "hedy", "katherine", "linus",
            "margaret", "radia");

    @Test
    void verifyAndTallyA100000BallotBundle() throws Exception {
        ServerKey server = ServerKey.generateEd25519();
        BallotManifest manifest = TestBallots.manifest(new CountingMethod.SingleTransferableVote(3), CANDIDATES, 120_000,
                server);
        long started = System.nanoTime();
        int voters = BALLOTS - BALLOTS / 50;
        List<VoterKey> keys = IntStream.range(0, voters).parallel().mapToObj(i -> VoterKey.ed25519()).toList();
        List<String> votes = IntStream.range(0, BALLOTS).parallel().mapToObj(i -> {
            SplittableRandom random = new SplittableRandom(i);
            // The first voters' ballots are revoted at the end of the log with seq 2.
            VoterKey key = keys.get(i < voters ? i : i - voters);
            long seq = i < voters ? 1 : 2;
            return key.sign(TestBallots.claims(manifest, randomRanking(random), seq));
        }).toList();
        AuditBundleBuilder builder = new AuditBundleBuilder(manifest);
        for (int i = 0; i < BALLOTS; i++) {
            builder.ballot(votes.get(i), keys.get(i < voters ? i : i - voters).publicKey());
        }
        AuditBundle bundle = builder.close(server, TestBallots.CLOSES);
        String json = CanonicalJson.write(bundle.toJson());
        double generation = seconds(started);

        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        started = System.nanoTime();
        long cpu = processCpuNanos();
        VerificationReport first = BundleVerifier.verify(json);
        double cold = seconds(started);
        double coldCpu = (processCpuNanos() - cpu) / 1e9;
        started = System.nanoTime();
        cpu = processCpuNanos();
        VerificationReport second = BundleVerifier.verify(json);
        double warm = seconds(started);
        double warmCpu = (processCpuNanos() - cpu) / 1e9;
        started = System.nanoTime();
        JSONObjectUtils.parse(json, -1);
        double parse = seconds(started);

        assertThat(first.findings()).isEmpty();
        assertThat(second.isValid()).isTrue();
        assertThat(first.ballots()).isEqualTo(BALLOTS);
        assertThat(first.counted()).isEqualTo(voters);

        double es256PerSecond = es256VerificationsPerSecond(manifest);
        String report = String.format(
                "%n=== Ballots benchmark (%d cores, %s) ===%n"
                        + "bundle: %,d ballots (%,d counted), %,d keys, %.1f MB of JSON; generated in %.1f s%n"
                        + "verify + tally, first run: %.2f s   second run: %.2f s   (target: under 20 s on 2 cores)%n"
                        + "  CPU time used: %.1f s and %.1f s (/ %d cores = %.1f s and %.1f s if the cores were not shared)%n"
                        + "  of which parsing the bundle JSON alone: %.2f s; system load average when starting: %.1f%n"
                        + "winners: %s%n"
                        + "ES256 ballot verification (Bouncy Castle provider): %,.0f per second on this machine%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                BALLOTS, voters, voters, json.length() / 1e6, generation, cold, warm,
                coldCpu, warmCpu, cores(), coldCpu / cores(), warmCpu / cores(), parse, load,
                first.recount().get("winners"), es256PerSecond);
        System.out.println(report);
    }

    /** Parse, check the signature and read the claims of ES256 votes, in parallel as the verifier does. */
    private static double es256VerificationsPerSecond(BallotManifest manifest) {
        int count = 4_000;
        String hash = ManifestCodec.hash(manifest);
        VoterKey key = VoterKey.es256();
        List<String> votes = IntStream.range(0, count).parallel()
                .mapToObj(i -> key.sign(TestBallots.claims(manifest, randomRanking(new SplittableRandom(i)), 1))).toList();
        long started = System.nanoTime();
        long valid = votes.parallelStream().filter(vote -> {
            try {
                BallotFormat.ParsedBallot parsed = BallotFormat.parse(vote);
                BallotFormat.verifySignature(parsed, key.publicKey());
                BallotFormat.readClaims(parsed, manifest, hash);
                return true;
            } catch (Exception e) {
                return false;
            }
        }).count();
        assertThat(valid).isEqualTo(count);
        return count / seconds(started);
    }

    private static Choice randomRanking(SplittableRandom random) {
        List<String> order = new ArrayList<>(CANDIDATES);
        // Some candidates are more popular: a biased shuffle keeps the count interesting.
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        order.sort((a, b) -> Integer.compare(CANDIDATES.indexOf(a) % 3 + random.nextInt(3),
                CANDIDATES.indexOf(b) % 3 + random.nextInt(3)));
        return new Choice.Ranking(order.subList(0, 1 + random.nextInt(order.size())));
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** CPU time of the whole JVM: unlike wall time, it does not grow when other processes share the cores. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
