/**
 * The double-entry ledger: the chart of accounts, journal entries and their postings, closed
 * months.
 *
 * <p>Invariants, each enforced in Java for a clear refusal and again by the database
 * (migration {@code V2}):
 * <ul>
 *   <li>every entry balances per currency (postings sum to zero; debits positive, credits
 *       negative); conversions between currencies post through the currency-conversion account
 *       and carry the rate PayPal applied;</li>
 *   <li>entries and postings are never updated or deleted; a correction is a reversing entry
 *       linked to the original, and an entry is reversed at most once;</li>
 *   <li>no entry or posting is dated inside a closed month;</li>
 *   <li>a posting records the day it counts on (the entry's date in the foundation's time zone),
 *       when it happened, and when it was recorded.</li>
 * </ul>
 */
package org.herdbook.finance.ledger;
