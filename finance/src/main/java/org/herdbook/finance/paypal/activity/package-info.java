/**
 * Reading PayPal "Activity download" files (CSV, English or French) into
 * {@link org.herdbook.finance.paypal.entity.PaypalLine}s. Owns no state. A file is read whole or
 * rejected whole, with every reason: nothing is ever booked from half a file.
 */
package org.herdbook.finance.paypal.activity;
