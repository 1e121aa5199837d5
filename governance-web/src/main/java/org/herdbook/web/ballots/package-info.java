/**
 * Ballots in the web application: boards and secretaries open ballots, members register a voting
 * key and cast signed votes, anyone reads results, audit bundles and inclusion proofs.
 *
 * <p>The {@code ballots} jar owns the rules and the tables ({@code BallotRecords}); this component
 * wires them to the foundation's signing key ({@code FoundationKey}), the voter roll rule
 * ({@code Memberships.eligibleOn}), accounts and e-mail. Invariants: a vote is accepted only by
 * {@code BallotVerifier} and stored with its log entry, tree head and receipt in one transaction
 * that holds the ballot's row lock; a refused vote stores nothing; a ballot is closed and counted
 * once, by whichever server's closing job takes it first. Session callers of state-changing
 * operations send the session's CSRF token ({@code X-CSRF-Token}); bearer-token callers do not.
 */
package org.herdbook.web.ballots;
