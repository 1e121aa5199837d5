/**
 * Runway: cash on hand over the trailing three-month average of expenses, in the foundation's
 * currency, against a configurable target (six months by default). Reads the ledger; owns no state.
 */
package org.herdbook.finance.runway;
