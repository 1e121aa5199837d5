/**
 * Membership: the two classes (general members pay dues, project members are granted membership
 * by the board for a contribution), standing over time kept as dated changes (applicant, active,
 * in grace, lapsed, resigned, removed; never a flag, never rewritten), hand-recorded dues, and the
 * one voting eligibility rule ballots and general meetings call.
 *
 * <p>Invariants: standing changes and dues payments are append-only (the database refuses updates
 * and deletes); a change never takes effect before the member's latest change; grace and lapse
 * follow from the dues paid and the bylaws' grace days, whether or not the daily job has written
 * them down yet.
 */
package org.herdbook.web.membership;
