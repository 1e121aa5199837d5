package org.herdbook.web.ballots.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herdbook.ballots.casting.entity.VerifiedBallot;

/**
 * Group commit of casts: one drain at a time per ballot on this server, which takes every cast
 * waiting for that ballot and appends them in one transaction ({@link CastBatches}), completing
 * each cast's future with its own outcome, and goes on while casts keep arriving.
 *
 * <p>Nobody waits on a thread: {@link #submit} queues the vote and returns its future at once, and
 * the first vote to find the ballot idle starts the drain on the managed executor. A request that
 * blocked until its batch committed would pin one of the server's few request threads (Liberty
 * starts with two per core), so batches could never grow beyond the number of request threads; with
 * the requests suspended instead, every cast that arrives during a batch joins the next one.
 */
@ApplicationScoped
public class BallotAppender {

    private static final Logger LOG = Logger.getLogger(BallotAppender.class.getName());

    /** Bounds one transaction; more waiting casts go into the next batch. */
    static final int MAX_BATCH = 256;
    /**
     * A batch that follows another one without a pause waits up to this long for more casts while
     * fewer than {@link #LINGER_BELOW} wait. Under a steady stream of casts a batch took only the
     * few that arrived while the one before it committed (three or four at 1,500 casts/s), and each
     * batch costs the same whatever its size (about ten statements, a transaction, a tree-head
     * signature); the first cast on an idle ballot never waits.
     */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Casts enough for a batch not to wait for more. */
    static final int LINGER_BELOW = 16;

    @Inject
    CastBatches batches;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    long lingerNanos = LINGER_NANOS;

    /** The casts waiting for one ballot, and whether a drain is running for them. */
    private static final class Lane {
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private boolean draining;
    }

    private record Waiting(VerifiedBallot vote, CompletableFuture<CastBatches.Outcome> outcome) {
    }

    /**
     * Queues the vote for the ballot's next batch.
     *
     * @return the vote's outcome, completed once the batch holding it is committed (or failed with
     *     the batch's failure); never completed on the caller's thread while it is in this method
     */
    public CompletableFuture<CastBatches.Outcome> submit(UUID ballotId, VerifiedBallot vote) {
        Lane lane = lanes.computeIfAbsent(ballotId, id -> new Lane());
        Waiting mine = new Waiting(vote, new CompletableFuture<>());
        boolean start;
        synchronized (lane) {
            lane.waiting.add(mine);
            start = !lane.draining;
            lane.draining = true;
            if (lane.waiting.size() == LINGER_BELOW) {
                lane.notifyAll();
            }
        }
        if (start) {
            try {
                executor.execute(() -> drain(ballotId, lane));
            } catch (RejectedExecutionException e) {
                // The server is stopping: fail what waits rather than leave it hanging.
                List<Waiting> dropped;
                synchronized (lane) {
                    dropped = new ArrayList<>(lane.waiting);
                    lane.waiting.clear();
                    lane.draining = false;
                }
                dropped.forEach(w -> w.outcome.completeExceptionally(e));
            }
        }
        return mine.outcome;
    }

    /**
     * Appends the vote and waits for its batch (for callers that may block a thread).
     *
     * @return the vote's outcome, once the batch holding it is committed
     */
    public CastBatches.Outcome append(UUID ballotId, VerifiedBallot vote) {
        try {
            return submit(ballotId, vote).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** @return how many casts of the ballot wait for their batch (tests watch batches form) */
    int waiting(UUID ballotId) {
        Lane lane = lanes.get(ballotId);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    /**
     * Appends batch after batch until nothing waits; a failed batch fails only its own casts. A
     * batch that follows another lingers first (see {@link #LINGER_NANOS}).
     */
    private void drain(UUID ballotId, Lane lane) {
        boolean follows = false;
        while (true) {
            List<Waiting> batch = new ArrayList<>();
            synchronized (lane) {
                if (lane.waiting.isEmpty()) {
                    lane.draining = false;
                    return;
                }
                if (follows) {
                    linger(lane);
                }
                while (!lane.waiting.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(lane.waiting.poll());
                }
            }
            try {
                List<CastBatches.Outcome> outcomes = batches.append(ballotId,
                        batch.stream().map(Waiting::vote).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome.complete(outcomes.get(i));
                }
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, e, () -> "A batch of " + batch.size() + " casts on ballot " + ballotId
                        + " failed; nothing of it was stored");
                batch.forEach(w -> w.outcome.completeExceptionally(e));
            }
            follows = true;
        }
    }

    /** Waits, holding the lane's monitor between waits, until enough casts wait or the linger is over. */
    private void linger(Lane lane) {
        long deadline = System.nanoTime() + lingerNanos;
        long left = lingerNanos;
        while (lane.waiting.size() < LINGER_BELOW && left > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(lane, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = deadline - System.nanoTime();
        }
    }
}
