package org.herdbook.web.ballots.control;

import java.util.Map;
import java.util.UUID;

/**
 * Fired synchronously, inside the transaction that closes and counts a ballot, so that whatever
 * the ballot decides (a meeting's motion) is recorded in the same commit as the count: exactly
 * once, because a ballot is closed once (its row lock and state), whichever server closes it.
 *
 * @param ballotId the ballot just closed
 * @param tally its tally as stored (the manifest's words: {@code yes}, {@code no}, {@code abstain},
 *     {@code quorumRequired}, {@code quorumMet}, {@code outcome} for a yes/no/abstain ballot)
 */
public record BallotCounted(UUID ballotId, Map<String, Object> tally) {
}
