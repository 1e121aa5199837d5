/**
 * The board over time: directors' terms (with the meeting that elected them), resignations and
 * offices. Invariants: one person's terms never overlap; the bylaws' term limit holds; an office
 * has one holder at a time, within the holder's term; the board on a past day never changes.
 */
package org.herdbook.web.board;
