/**
 * Month statements: what the ledger says about one calendar month, for the public monthly report.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a month is the entries whose date (the foundation's local date) falls inside it, so the
 *       statement agrees to the cent with the ledger and the reconciliation;</li>
 *   <li>only postings in the foundation's currency are counted (a conversion is its own entry and
 *       lands the converted amount in that currency);</li>
 *   <li>sponsorship amounts never leave this component: a statement carries how many sponsorship
 *       payments there were, not what they came to, so no public rendering can leak them.</li>
 * </ul>
 */
package org.herdbook.finance.statement;
