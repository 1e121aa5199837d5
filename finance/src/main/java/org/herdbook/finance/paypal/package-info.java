/**
 * PayPal's account of the foundation's transactions, from activity downloads
 * ({@code activity}) or the Transaction Search API ({@code search}), stored once per
 * transaction id ({@code finance.paypal_line}, append-only) and booked once each: gross on the
 * counter-account, fee on the fee account, net on the PayPal balance. Refunds and reversals book
 * against their original's account; conversions record the rate PayPal applied. An import is
 * whole or nothing, and every attempt, rejected ones included, is kept with its reasons.
 */
package org.herdbook.finance.paypal;
