package org.herdbook.web.ballots.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.manifest.entity.Choice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appender's batching without a database: casts that arrive while a batch is being appended
 * wait and go together into the next one (submitting never blocks, so one thread can fill a batch),
 * each caller gets its own outcome, a refusal stays with its vote, and a failed batch fails only its
 * own callers and does not stall the ballot.
 */
class BallotAppenderTest {

    private static final UUID BALLOT = UUID.randomUUID();

    /** Appends in memory: leaf indexes in order, votes whose jti starts with "stale" refused, "boom" fails the batch. */
    private static final class MemoryBatches extends CastBatches {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        long size;

        @Override
        public List<Outcome> append(UUID ballotId, List<VerifiedBallot> votes) {
            batches.add(votes.stream().map(VerifiedBallot::jti).toList());
            if (batches.size() == 1) {
                firstEntered.countDown();
                await(releaseFirst);
            }
            if (votes.stream().anyMatch(v -> v.jti().startsWith("boom"))) {
                throw new IllegalStateException("the database went away");
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (VerifiedBallot vote : votes) {
                outcomes.add(vote.jti().startsWith("stale") ? Outcome.refused(Rejection.STALE_SEQUENCE, vote.jti())
                        : new Outcome(size++, null, null, Instant.EPOCH, null, null));
            }
            return outcomes;
        }
    }

    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    private final MemoryBatches batches = new MemoryBatches();
    private final ExecutorService drains = Executors.newCachedThreadPool();
    private final BallotAppender appender = new BallotAppender();

    @BeforeEach
    void wire() {
        appender.batches = batches;
        appender.executor = drains;
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        drains.shutdownNow();
    }

    @Test
    void castsWaitingForABatchGoTogetherIntoTheNextAndEachGetsItsOwnOutcome() throws Exception {
        Future<CastBatches.Outcome> first = callers.submit(() -> appender.append(BALLOT, vote("first")));
        assertThat(batches.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<CastBatches.Outcome>> waiting = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String jti = i == 4 ? "stale-4" : "vote-" + i;
            waiting.add(callers.submit(() -> appender.append(BALLOT, vote(jti))));
        }
        awaitWaiting(9);
        batches.releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).leafIndex()).isZero();
        List<Long> leaves = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            CastBatches.Outcome outcome = waiting.get(i).get(10, TimeUnit.SECONDS);
            if (i == 4) {
                assertThat(outcome.appended()).isFalse();
                assertThat(outcome.refusal()).isEqualTo(Rejection.STALE_SEQUENCE);
            } else {
                assertThat(outcome.appended()).isTrue();
                leaves.add(outcome.leafIndex());
            }
        }
        assertThat(leaves).doesNotHaveDuplicates().allMatch(leaf -> leaf >= 1 && leaf <= 8);
        assertThat(batches.batches).hasSize(2);
        assertThat(batches.batches.get(1)).hasSize(9);
    }

    @Test
    void aFailedBatchFailsEachOfItsCallersAndTheNextBatchStillRuns() throws Exception {
        Future<CastBatches.Outcome> first = callers.submit(() -> appender.append(BALLOT, vote("first")));
        assertThat(batches.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<CastBatches.Outcome> boom = callers.submit(() -> appender.append(BALLOT, vote("boom")));
        awaitWaiting(1);
        Future<CastBatches.Outcome> beside = callers.submit(() -> appender.append(BALLOT, vote("beside")));
        awaitWaiting(2);
        batches.releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).leafIndex()).isZero();
        assertThatThrownBy(() -> boom.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
        assertThatThrownBy(() -> beside.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
        assertThat(batches.batches.get(1)).containsExactly("boom", "beside");
        assertThat(appender.waiting(BALLOT)).isZero();
        assertThat(appender.append(BALLOT, vote("after")).leafIndex()).isEqualTo(1);
    }

    @Test
    void oneThreadFillsBatchesBecauseSubmittingNeverWaitsAndABatchHoldsAtMostTheBound() throws Exception {
        CompletableFuture<CastBatches.Outcome> first = appender.submit(BALLOT, vote("first"));
        assertThat(batches.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<CastBatches.Outcome>> queued = new ArrayList<>();
        int casts = BallotAppender.MAX_BATCH + 44;
        for (int i = 0; i < casts; i++) {
            queued.add(appender.submit(BALLOT, vote("vote-" + i)));
        }
        assertThat(appender.waiting(BALLOT)).isEqualTo(casts);
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        batches.releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).leafIndex()).isZero();
        for (int i = 0; i < casts; i++) {
            assertThat(queued.get(i).get(10, TimeUnit.SECONDS).leafIndex()).isEqualTo(i + 1);
        }
        assertThat(batches.batches).extracting(List::size).containsExactly(1, BallotAppender.MAX_BATCH, 44);
    }

    @Test
    void aBatchThatFollowsAnotherWaitsForMoreCastsUntilEnoughWait() throws Exception {
        appender.lingerNanos = TimeUnit.SECONDS.toNanos(30);
        CompletableFuture<CastBatches.Outcome> first = appender.submit(BALLOT, vote("first"));
        assertThat(batches.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<CastBatches.Outcome>> queued = new ArrayList<>();
        queued.add(appender.submit(BALLOT, vote("early-0")));
        queued.add(appender.submit(BALLOT, vote("early-1")));
        batches.releaseFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).leafIndex()).isZero();

        // Two casts wait, fewer than enough: the next batch lingers for more instead of taking them.
        Thread.sleep(200);
        assertThat(batches.batches).hasSize(1);
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        for (int i = 2; i < BallotAppender.LINGER_BELOW; i++) {
            queued.add(appender.submit(BALLOT, vote("late-" + i)));
        }
        // The cast that makes them enough ends the wait long before the linger would.
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(10, TimeUnit.SECONDS).leafIndex()).isEqualTo(i + 1);
        }
        assertThat(batches.batches).extracting(List::size).containsExactly(1, BallotAppender.LINGER_BELOW);
    }

    @Test
    void theFirstCastOnAnIdleBallotAndABatchAfterTheLingerDoNotWaitForMore() throws Exception {
        appender.lingerNanos = TimeUnit.MILLISECONDS.toNanos(300);
        CompletableFuture<CastBatches.Outcome> first = appender.submit(BALLOT, vote("first"));
        assertThat(batches.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CastBatches.Outcome> second = appender.submit(BALLOT, vote("second"));
        long released = System.nanoTime();
        batches.releaseFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).leafIndex()).isZero();
        assertThat(second.get(10, TimeUnit.SECONDS).leafIndex()).isEqualTo(1);
        // Alone after a batch, the second cast waited out the linger, and then went on its own.
        assertThat(System.nanoTime() - released).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(batches.batches).extracting(List::size).containsExactly(1, 1);

        // The drain has ended; a cast on the now idle ballot starts a new one and is appended at once,
        // well inside a linger long enough to notice.
        appender.lingerNanos = TimeUnit.SECONDS.toNanos(30);
        assertThat(appender.submit(BALLOT, vote("idle")).get(10, TimeUnit.SECONDS).leafIndex()).isEqualTo(2);
    }

    private void awaitWaiting(int casts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (appender.waiting(BALLOT) < casts && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(appender.waiting(BALLOT)).isEqualTo(casts);
    }

    private static VerifiedBallot vote(String jti) throws Exception {
        JWK key = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
        return new VerifiedBallot("id-" + jti, "compact-" + jti, "kid-" + jti, key, "voter", jti, 1, Instant.EPOCH,
                new Choice.Answer(Choice.Answer.Value.YES), Instant.EPOCH);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
