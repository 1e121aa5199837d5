package org.herdbook.web.ballots.control;

import com.nimbusds.jose.util.Base64URL;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.log.control.LogSignatures;
import org.herdbook.ballots.log.control.MerkleFrontier;
import org.herdbook.ballots.log.entity.SignedTreeHead;
import org.herdbook.ballots.records.control.BallotRecords;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.web.signing.control.FoundationKey;

/**
 * Appends a batch of verified votes to one ballot's log in one transaction of its own, under the
 * ballot's row lock: the lock is what makes two servers take turns, the batch is what makes a turn
 * worth taking. Each vote is checked again in order against the log and the votes before it in the
 * batch (window, {@code jti}, {@code seq}); a refused vote gets its own outcome and is not stored,
 * the others are appended under one signed tree head, and the transaction commits when
 * {@link #append} returns.
 */
@ApplicationScoped
public class CastBatches {

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    FoundationKey foundationKey;

    private final Clock clock = Clock.systemUTC();
    private BallotRecords records;

    @PostConstruct
    void wire() {
        records = new BallotRecords(dataSource);
    }

    /**
     * What became of one vote of a batch: appended at a leaf index under a tree head signed with a
     * key, or refused with a reason.
     */
    public record Outcome(long leafIndex, SignedTreeHead treeHead, ServerKey key, Instant at, Rejection refusal,
            String detail) {

        static Outcome refused(Rejection refusal, String detail) {
            return new Outcome(-1, null, null, null, refusal, detail);
        }

        /** @return whether the vote was appended */
        public boolean appended() {
            return refusal == null;
        }
    }

    /**
     * @param ballotId the ballot
     * @param votes verified votes, in the order they arrived
     * @return one outcome per vote, in the same order; committed when this returns
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> append(UUID ballotId, List<VerifiedBallot> votes) {
        StoredBallot ballot = records.lock(ballotId).orElseThrow();
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(votes.size());
        if (ballot.state() != StoredBallot.State.OPEN || !now.isBefore(ballot.closes())) {
            votes.forEach(v -> outcomes.add(Outcome.refused(Rejection.CLOSED, "closed while the vote was verified")));
            return outcomes;
        }
        Set<String> jtis = records.jtisUsed(ballotId, votes.stream().map(VerifiedBallot::jti).distinct().toList());
        Map<String, Long> highest = records.highestSeqs(ballotId,
                votes.stream().map(VerifiedBallot::kid).distinct().toList());
        List<VerifiedBallot> accepted = new ArrayList<>(votes.size());
        List<Integer> acceptedAt = new ArrayList<>(votes.size());
        MerkleFrontier frontier = ballot.frontier();
        for (VerifiedBallot vote : votes) {
            Long seq = highest.get(vote.kid());
            if (jtis.contains(vote.jti())) {
                outcomes.add(Outcome.refused(Rejection.REPLAYED, "jti " + vote.jti()));
            } else if (seq != null && vote.seq() <= seq) {
                outcomes.add(Outcome.refused(Rejection.STALE_SEQUENCE, "seq " + vote.seq()));
            } else {
                jtis.add(vote.jti());
                highest.put(vote.kid(), vote.seq());
                frontier = frontier.append(Base64URL.from(vote.ballotId()).decode());
                acceptedAt.add(outcomes.size());
                accepted.add(vote);
                outcomes.add(null);
            }
        }
        if (accepted.isEmpty()) {
            return outcomes;
        }
        ServerKey key = foundationKey.current();
        SignedTreeHead head = LogSignatures.signTreeHead(key, ballot.uri(), frontier.size(), frontier.rootHash(), now);
        records.appendVotes(ballotId, accepted, ballot.logSize(), frontier, head);
        for (int i = 0; i < accepted.size(); i++) {
            outcomes.set(acceptedAt.get(i), new Outcome(ballot.logSize() + i, head, key, now, null, null));
        }
        return outcomes;
    }
}
