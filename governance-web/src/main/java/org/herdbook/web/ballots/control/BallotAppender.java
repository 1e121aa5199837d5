package org.herdbook.web.ballots.control;

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
import org.herdbook.ballots.casting.entity.VerifiedBallot;

/**
 * Group commit of casts: one appender at a time per ballot on this server, which takes every cast
 * waiting for that ballot and appends them in one transaction ({@link CastBatches}), then answers
 * each caller with its own outcome.
 *
 * <p>No thread of its own: the first caller to find the ballot idle appends for everyone waiting
 * (itself included), and when its batch is committed hands the turn to the first cast that arrived
 * meanwhile, whose caller then appends the next batch. So a caller waits for at most the batch in
 * progress and its own, and no executor or virtual thread is needed. Callers must not be inside a
 * transaction: a waiting caller would hold a pooled connection the appender may need.
 */
@ApplicationScoped
public class BallotAppender {

    /** Bounds one transaction; more waiting casts go into the next batch. */
    static final int MAX_BATCH = 256;

    @Inject
    CastBatches batches;

    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

    /** The casts waiting for one ballot, and whether one of their callers is appending. */
    private static final class Lane {
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private boolean appending;
    }

    private static final class Waiting {
        private final VerifiedBallot vote;
        private final CompletableFuture<CastBatches.Outcome> outcome = new CompletableFuture<>();
        private final CompletableFuture<Void> turn = new CompletableFuture<>();

        private Waiting(VerifiedBallot vote) {
            this.vote = vote;
        }
    }

    /**
     * Appends the vote, batched with the casts of the same ballot waiting with it.
     *
     * @return the vote's outcome, once the batch holding it is committed
     */
    public CastBatches.Outcome append(UUID ballotId, VerifiedBallot vote) {
        Lane lane = lanes.computeIfAbsent(ballotId, id -> new Lane());
        Waiting mine = new Waiting(vote);
        boolean lead;
        synchronized (lane) {
            lane.waiting.add(mine);
            lead = !lane.appending;
            lane.appending = true;
        }
        if (!lead) {
            // Either the batch holding the cast is done (its failure is rethrown below) or it is our turn.
            CompletableFuture.anyOf(mine.outcome, mine.turn).handle((done, failure) -> null).join();
        }
        if (!mine.outcome.isDone()) {
            appendWaiting(ballotId, lane);
        }
        try {
            return mine.outcome.join();
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

    /** Called with the turn: appends the first waiting casts (the caller's among them), then passes the turn on. */
    private void appendWaiting(UUID ballotId, Lane lane) {
        List<Waiting> batch = new ArrayList<>();
        synchronized (lane) {
            while (!lane.waiting.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(lane.waiting.poll());
            }
        }
        try {
            List<CastBatches.Outcome> outcomes = batches.append(ballotId,
                    batch.stream().map(w -> w.vote).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.outcome.completeExceptionally(e));
            throw e;
        } finally {
            synchronized (lane) {
                Waiting next = lane.waiting.peek();
                if (next == null) {
                    lane.appending = false;
                } else {
                    next.turn.complete(null);
                }
            }
        }
    }
}
