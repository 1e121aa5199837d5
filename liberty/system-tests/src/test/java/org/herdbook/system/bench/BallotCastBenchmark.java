package org.herdbook.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.herdbook.system.TestMail;
import org.herdbook.system.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Signed ballots cast per second end to end over HTTP, with 100 voters casting at once (each
 * revoting in sequence, so every cast is a real, accepted vote appended to the one ballot's log),
 * and the p99 latency of a cast. Votes are signed before timing starts: the figure is the
 * server's (verify, lock, append, sign tree head and receipt, commit). Runs only with
 * {@code -Pbench}; prints its figures beside the targets (1,500 casts/s, p99 under 50 ms).
 *
 * <p>Two measurements, because the two targets cannot be met by one closed loop: 100 voters who
 * each send their next vote the moment the last one is answered keep 100 casts in flight, so by
 * Little's law their mean latency is 100 / throughput (67 ms at 1,500 casts/s), above the p99
 * target whatever the server does. So:
 * <ol>
 * <li><b>Throughput</b>: the 100 voters cast back to back (closed loop); casts per second. Its
 * latencies are printed too, and are that queue.
 * <li><b>Latency at a rate</b>: the 100 voters cast on a schedule that adds up to
 * {@code bench.rate} casts per second (default: the 1,500 target), each voter every
 * 100 / rate seconds, staggered (open loop). A cast's latency runs from when it was due, not from
 * when it was sent, so a server that falls behind is charged for the wait (no coordinated
 * omission); a voter still never has two casts in flight (its {@code seq} must grow in order).
 * </ol>
 * The voters use Apache HttpClient's asynchronous client: one kept-alive connection per voter, all
 * served by one I/O thread. The benchmark shares the machine with the server, so what the voters
 * spend is taken from the server: {@code java.net.http} took about 0.4 ms of CPU per cast, and a
 * blocking client with a thread per voter about 0.3 ms.
 */
class BallotCastBenchmark {

    private static final Logger LOG = Logger.getLogger(BallotCastBenchmark.class.getName());
    private static final int VOTERS = Integer.getInteger("bench.voters", 100);
    private static final int WARM_UP_VOTES = Integer.getInteger("bench.warm-up-votes", 10);
    private static final int MEASURED_VOTES = Integer.getInteger("bench.votes", 100);
    private static final int PACED_VOTES = Integer.getInteger("bench.paced-votes", 60);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "1500"));
    private static final double TARGET_PER_SECOND = 1_500;
    private static final long TARGET_P99_MS = 50;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();

    /**
     * The voters' connections: one per voter, kept alive, all served by one I/O thread (a thread
     * per voter cost the machine the server runs on more than the sending itself).
     */
    private final CloseableHttpAsyncClient voterClient = HttpAsyncClients.custom()
            .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(VOTERS)
                    .setMaxConnPerRoute(VOTERS).build())
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
            .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
            .disableAutomaticRetries().disableCookieManagement().build();

    private record Voter(String token, OctetKeyPair key, String kid) {
    }

    @Test
    void signedBallotsCastPerSecondWithOneHundredConcurrentVoters() throws Exception {
        TestServer.awaitReady(Duration.ofMinutes(3));
        TestMail.server();
        TestServer.setUpFoundationIfNew();
        String admin = TestServer.adminToken();
        String treasurer = person(admin, "bench-treasurer", "treasurer");
        String board = person(admin, "bench-board", "board");
        LocalDate today = LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE));

        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<Voter>> making = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            int n = i;
            making.add(setup.submit(() -> voter(admin, treasurer, today, n)));
        }
        List<Voter> voters = new ArrayList<>();
        for (Future<Voter> voter : making) {
            voters.add(voter.get());
        }
        setup.shutdown();

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject ballot = openBallot(board, now.minusSeconds(60), now.plus(Duration.ofHours(2)), today);
        String id = ballot.getJsonObject("ballot").getString("id");
        for (Voter voter : voters) {
            HttpResponse<String> registered = post("/api/ballots/" + id + "/keys", "application/json",
                    voter.key().toPublicJWK().toJSONString(), voter.token());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        }

        int perVoter = WARM_UP_VOTES + MEASURED_VOTES + PACED_VOTES;
        String[][] votes = new String[VOTERS][perVoter];
        String[] answers = {"yes", "no", "abstain"};
        for (int v = 0; v < VOTERS; v++) {
            for (int s = 0; s < perVoter; s++) {
                votes[v][s] = sign(voters.get(v), ballot, answers[(v + s) % 3], s);
            }
        }

        voterClient.start();
        run(id, votes, 0, WARM_UP_VOTES, 0);
        Instant closedFrom = Instant.now();
        long begin = System.nanoTime();
        long[] latencies = run(id, votes, WARM_UP_VOTES, WARM_UP_VOTES + MEASURED_VOTES, 0);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double perSecond = latencies.length / seconds;
        Instant closedTo = Instant.now();

        Instant pacedFrom = Instant.now();
        Round pacedRound = round(id, votes, WARM_UP_VOTES + MEASURED_VOTES, perVoter, RATE);
        long[] paced = run(pacedRound);
        Instant pacedTo = Instant.now();
        // Over the schedule itself: from when the first cast was due to the last answer (the round
        // starts its schedule 0.2 s after it is set up, which is not the server's time).
        double pacedRate = paced.length / ((pacedRound.lastAnswer.get() - pacedRound.start) / 1e9);
        double pacedP99 = percentile(paced, 0.99);

        String report = String.format("%n== Herdbook ballot casting benchmark (%d voters, %d warm-up casts each) ==%n"
                        + "throughput, voters casting back to back: %d casts in %.1f s%n"
                        + "  signed ballots cast per second: %.0f (target >= %.0f): %s%n"
                        + "  latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (a closed loop: mean = %d voters / throughput)%n"
                        + "latency at %.0f casts/s offered (each voter every %.1f ms, measured from when a cast was due):"
                        + " %d casts, %.0f casts/s achieved%n"
                        + "  latency p50 %.1f ms, p99 %.1f ms (target p99 < %d ms): %s, max %.1f ms%n"
                        + "(for profiles: back to back from %s to %s, paced from %s to %s)%n",
                VOTERS, WARM_UP_VOTES, latencies.length, seconds, perSecond, TARGET_PER_SECOND,
                perSecond >= TARGET_PER_SECOND ? "met" : "NOT MET", percentile(latencies, 0.5),
                percentile(latencies, 0.99), percentile(latencies, 1), VOTERS, RATE, VOTERS * 1000 / RATE,
                paced.length, pacedRate, percentile(paced, 0.5), pacedP99, TARGET_P99_MS,
                pacedP99 < TARGET_P99_MS && pacedRate >= TARGET_PER_SECOND * 0.98 ? "met" : "NOT MET",
                percentile(paced, 1), closedFrom, closedTo, pacedFrom, pacedTo);
        LOG.info(report);
        System.err.println(report);
        assertThat(latencies).hasSize(VOTERS * MEASURED_VOTES);
        assertThat(paced).hasSize(VOTERS * PACED_VOTES);
        voterClient.close();
    }

    /** @return the latency at that fraction of the sorted latencies, in milliseconds */
    private static double percentile(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * fraction) - 1)] / 1e6;
    }

    /**
     * Every voter sends their votes from {@code from} to {@code to} in order, all voters at once:
     * back to back when {@code rate} is 0, otherwise each vote when it is due so that all voters
     * together offer {@code rate} casts per second. A voter sends its next vote only once the last
     * one is answered, on its own kept-alive connection.
     *
     * @return the latencies, sorted (from sending, or from when the vote was due if paced)
     */
    private long[] run(String id, String[][] votes, int from, int to, double rate) throws Exception {
        return run(round(id, votes, from, to, rate));
    }

    private Round round(String id, String[][] votes, int from, int to, double rate) {
        return new Round(URI.create(TestServer.url("/api/ballots/" + id + "/votes")), votes, from, to, rate);
    }

    private long[] run(Round round) throws Exception {
        int from = round.from;
        for (int v = 0; v < VOTERS; v++) {
            round.next(v, from);
        }
        assertThat(round.done.await(10, TimeUnit.MINUTES)).as("every voter finished").isTrue();
        round.timer.shutdown();
        assertThat(round.broken.get()).as("a cast that got no answer").isNull();
        assertThat(round.failures.get()).as("refused casts").isZero();
        Arrays.sort(round.latencies);
        return round.latencies;
    }

    /** One {@link #run}: each voter's next vote is sent when its last one is answered (and due). */
    private final class Round {
        final URI uri;
        final String[][] votes;
        final int from;
        final int to;
        final long interval;
        final long start = System.nanoTime() + 200_000_000L;
        final long[] latencies;
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong lastAnswer = new AtomicLong();
        final AtomicReference<Throwable> broken = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(VOTERS);
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Round(URI uri, String[][] votes, int from, int to, double rate) {
            this.uri = uri;
            this.votes = votes;
            this.from = from;
            this.to = to;
            this.interval = rate > 0 ? (long) (VOTERS * 1e9 / rate) : 0;
            this.latencies = new long[VOTERS * (to - from)];
        }

        void next(int voter, int s) {
            if (s == to || broken.get() != null) {
                done.countDown();
                return;
            }
            long due = interval == 0 ? System.nanoTime() : start + voter * interval / VOTERS + (s - from) * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                timer.schedule(() -> send(voter, s, due), wait, TimeUnit.NANOSECONDS);
            } else {
                send(voter, s, due);
            }
        }

        void send(int voter, int s, long due) {
            SimpleHttpRequest post = SimpleRequestBuilder.post(uri).setBody(votes[voter][s], JOSE).build();
            voterClient.execute(post, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    long answered = System.nanoTime();
                    latencies[voter * (to - from) + (s - from)] = answered - due;
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    if (response.getCode() != 201) {
                        failures.incrementAndGet();
                    }
                    next(voter, s + 1);
                }

                @Override
                public void failed(Exception e) {
                    broken.compareAndSet(null, e);
                    done.countDown();
                }

                @Override
                public void cancelled() {
                    failed(new CancellationException("cast " + s + " of voter " + voter));
                }
            });
        }
    }

    private static final ContentType JOSE = ContentType.create("application/jose");

    private Voter voter(String admin, String treasurer, LocalDate today, int n) throws Exception {
        String email = "bench-voter-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
        HttpResponse<String> created = post("/api/accounts", "application/json", Json.createObjectBuilder()
                .add("email", email).add("displayName", "Bench voter " + n).add("password", PASSWORD)
                .add("language", "en").add("roles", Json.createArrayBuilder().add("member")).build().toString(), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = TestServer.json(created).getString("id");
        HttpResponse<String> paid = post("/api/members/" + id + "/dues-payments", "application/json",
                Json.createObjectBuilder().add("amount", "5.00").add("currency", "CAD").add("paidOn", today.toString())
                        .add("months", 1).add("reference", "benchmark").build().toString(), treasurer);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        return new Voter(token(email), key, key.toPublicJWK().computeThumbprint().toString());
    }

    private static final String PASSWORD = "benchmark voters sign ballots";

    private String person(String admin, String label, String role) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
        HttpResponse<String> created = post("/api/accounts", "application/json", Json.createObjectBuilder()
                .add("email", email).add("displayName", label).add("password", PASSWORD).add("language", "en")
                .add("roles", Json.createArrayBuilder().add(role)).build().toString(), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return token(email);
    }

    private String token(String email) {
        HttpResponse<String> response = post("/api/tokens", "application/json", Json.createObjectBuilder()
                .add("email", email).add("password", PASSWORD).build().toString(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response).getString("accessToken");
    }

    private JsonObject openBallot(String board, Instant opens, Instant closes, LocalDate recordDate) {
        String body = """
                {"title": {"en": "Benchmark ballot", "fr": "Scrutin d’essai de charge"},
                 "text": {"en": "Measures casting.", "fr": "Mesure le dépôt des votes."},
                 "method": {"type": "yes-no-abstain", "quorum": {"count": 1}, "threshold": "majority"},
                 "opens": "%s", "closes": "%s", "recordDate": "%s"}
                """.formatted(opens, closes, recordDate);
        HttpResponse<String> drafted = post("/api/ballots", "application/json", body, board);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = TestServer.json(drafted).getJsonObject("ballot").getString("id");
        HttpResponse<String> opened = post("/api/ballots/" + id + "/opening", "application/json", "", board);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        return TestServer.json(opened);
    }

    private static String sign(Voter voter, JsonObject ballot, String answer, long seq) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", ballot.getJsonObject("manifest").getString("ballot"));
        claims.put("manifestHash", ballot.getString("manifestHash"));
        claims.put("choice", Map.of("answer", answer));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("seq", seq);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vote+jwt"))
                .keyID(voter.kid()).build(), new Payload(claims));
        jws.sign(new Ed25519Signer(voter.key()));
        return jws.serialize();
    }

    private HttpResponse<String> post(String path, String type, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.url(path)))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return TestServer.send(client, request.build());
    }
}
