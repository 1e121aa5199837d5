/**
 * A month's figures for the public report, computed exactly from the books.
 *
 * <p>Invariants:
 * <ul>
 *   <li>figures come from the ledger (finance's month statement), the membership and recurring
 *       revenue governance-web provides ({@code MembershipFigures}, {@code RecurringRevenue}), and
 *       the stored instance figures; nothing is typed twice;</li>
 *   <li>amounts are exact decimals in the foundation's currency, never floating point;</li>
 *   <li>sponsorship amounts are not part of the figures at all, only the number of sponsorship
 *       payments: no rendering can show them. Totals and the result exclude sponsorships and say
 *       so;</li>
 *   <li>instance figures are stored per month so a report does not change when Mastodon's
 *       counters expire; appeals are always typed (Mastodon has no API for them).</li>
 * </ul>
 */
package org.herdbook.reports.figures;
