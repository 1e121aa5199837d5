/**
 * The voter roll: frozen once per ballot at opening from the members eligible at the record
 * date, published as its size and a Merkle root over salted per-member commitments, and checked
 * for every vote through {@code VoterRoll}, which the web application implements.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a frozen roll never changes; members who become eligible later do not vote on it;</li>
 *   <li>each commitment binds the ballot, the member and a fresh 32-byte random salt that only
 *       that member is given, so the published root reveals neither who is on the roll nor
 *       whether two ballots have the same voters;</li>
 *   <li>the commitments are sorted before hashing, so the order of the members' list leaks
 *       nothing either; a member checks their inclusion with their salt and an audit path.</li>
 * </ul>
 */
package org.herdbook.ballots.roll;
