/**
 * The monthly reconciliation of the ledger with PayPal: lines matched, lines missing from the
 * ledger, entries missing from PayPal, amount or fee mismatches; their resolutions (book,
 * reverse, replace, accept with a note, the last kept append-only); and closing the month, which
 * only a month without open items allows and which the database then enforces.
 */
package org.herdbook.finance.reconciliation;
