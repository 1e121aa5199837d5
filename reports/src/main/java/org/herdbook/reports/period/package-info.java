/**
 * Report periods: the calendar months a foundation reports on, as its members live them.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a month is always read in the foundation's configured time zone, never the server's:
 *       a donation at 23:30 on 31 March in Toronto belongs to March even though it is April in
 *       UTC;</li>
 *   <li>a month is the half-open span of instants [{@code startInclusive}, {@code endExclusive}):
 *       consecutive months meet exactly, so every instant belongs to exactly one month and
 *       nothing is counted twice or dropped at a boundary;</li>
 *   <li>months are not all the same length in instants: daylight saving time, zones whose
 *       midnight is skipped, and days a zone dropped altogether are all honoured, so figures
 *       are always selected by instant range and never by adding days or hours.</li>
 * </ul>
 */
package org.herdbook.reports.period;
