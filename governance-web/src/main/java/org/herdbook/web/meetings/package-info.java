/**
 * Meetings of the members and of the board: scheduling inside the bylaws' notice window, notice to
 * everyone eligible on the record date, agenda and documents, attendance and quorum, motions and
 * their outcomes, minutes and the resolutions register.
 *
 * <p>Invariants: a meeting keeps the quorum and proxy rules it was scheduled under; attendance,
 * quorum events, notices sent and minutes corrections are append-only (database triggers); a
 * motion is decided once, by show of hands or (general meetings) from the one online ballot it was
 * put to, recorded in the same transaction as that ballot's count; approved minutes are locked by
 * the database; the public sees decisions, never who attended.
 */
package org.herdbook.web.meetings;
