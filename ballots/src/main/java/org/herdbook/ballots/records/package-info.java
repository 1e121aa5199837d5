/**
 * The ballots schema: proposals, ballots with their fixed manifest, frozen voter rolls, registered
 * voting keys, accepted votes in log order, supersession marks, signed tree heads and results.
 *
 * <p>{@code control.BallotRecords} is the only code that reads or writes these tables (plain JDBC
 * on the data source the web application gives it, inside the caller's transaction). Invariants,
 * enforced by the database as well: a manifest never changes once the ballot opens; votes, keys,
 * roll entries, tree heads, marks and results are never updated or deleted; one key per member
 * and ballot; a {@code jti} once per ballot; a {@code (kid, seq)} once per ballot. Casts on one
 * ballot are serialised by the row lock {@link org.herdbook.ballots.records.control.BallotRecords#lock}
 * takes, so the log's frontier and leaf indexes never race.
 */
package org.herdbook.ballots.records;
