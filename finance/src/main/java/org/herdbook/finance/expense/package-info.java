/**
 * Expenses: vendor, category (an expense account), date, amount, note and an attached invoice
 * (PDF or image, size-limited, stored in the database). Above the foundation's threshold an
 * expense is booked only once a board member other than the one who recorded it approves it.
 * An expense's journal entry, once booked, is immutable like any other.
 */
package org.herdbook.finance.expense;
