/**
 * Counting: the tally of a closed ballot by the method its manifest names, and its signed result.
 * The same code runs in the server and in the offline verifier.
 *
 * <p>Only the latest vote of each key counts (the highest {@code seq}); a blank ranked ballot
 * counts as cast but takes no part in the count. Counts never depend on the order of ballots.
 *
 * <h2>Yes / no / abstain</h2>
 * Ballots cast = yes + no + abstain. The quorum is met when ballots cast reach the required
 * number: a count, or a percentage of the frozen roll rounded up ({@code ceil(p * roll / 100)}).
 * Abstentions count for the quorum only. A majority adopts when {@code 2 * yes > yes + no}
 * (exactly half does not); two-thirds adopts when {@code 3 * yes >= 2 * (yes + no)} and
 * {@code yes > 0} (exactly two-thirds does). Outcome: {@code no-quorum}, else {@code adopted} or
 * {@code rejected}.
 *
 * <h2>Approval</h2>
 * Each option gets one approval per ballot approving it. The {@code winners} options with the
 * most approvals win; a tie at the cut is broken by lot, and the result says so.
 *
 * <h2>Instant runoff</h2>
 * Each ballot counts for its most preferred continuing candidate. In each round, a candidate with
 * more than half of the continuing votes (exhausted ballots left out) wins, as does the last
 * continuing candidate; otherwise the candidate with the fewest votes is excluded. With no
 * non-blank ballot, nobody wins.
 *
 * <h2>Single transferable vote</h2>
 * <ul>
 *   <li>Quota (Droop): {@code floor(valid / (seats + 1)) + 1}, valid being the non-blank ballots.</li>
 *   <li>Values are exact fractions (no rounding, ever). Every ballot starts at value 1 with its
 *       first preference.</li>
 *   <li>Each round does one thing, in this order of precedence:
 *     <ol>
 *       <li>if no more candidates continue than seats remain, they are all elected (most votes
 *           first) and the count ends;</li>
 *       <li>every continuing candidate at or above the quota is elected (most votes first); if
 *           that fills the seats, the count ends;</li>
 *       <li>if an elected candidate's surplus is not yet transferred, the largest one (equal
 *           surpluses: the one elected first) is: <em>weighted inclusive Gregory</em> — every
 *           ballot the candidate holds, whatever its current value, goes on to its next
 *           continuing preference at its value times {@code surplus / candidate's votes}; ballots
 *           with no continuing preference left are exhausted. The candidate keeps exactly the
 *           quota;</li>
 *       <li>otherwise, if candidates were elected this round, the round ends there;</li>
 *       <li>otherwise the continuing candidate with the fewest votes is excluded and each of
 *           their ballots goes on, at its current value, to its next continuing preference.</li>
 *     </ol></li>
 *   <li>Ballots skip elected and excluded candidates. A surplus of zero is not transferred.</li>
 * </ul>
 *
 * <h2>Ties</h2>
 * A tie for exclusion (instant runoff and STV) goes to the tied candidate with fewer votes in the
 * most recent earlier round where the tied candidates differed ("previous rounds"); if they were
 * equal in every round, to the lot. The lot is {@code SHA-256(ASCII(manifest hash) || ":" ||
 * UTF-8(option id))} compared as an unsigned number: the lower loses. Nobody can steer it before
 * the manifest is fixed, and anyone can recompute it. The same order places candidates elected in
 * the same round with equal votes. Each round records how a tie was broken.
 */
package org.herdbook.ballots.tally;
