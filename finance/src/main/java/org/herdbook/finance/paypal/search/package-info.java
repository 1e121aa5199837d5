/**
 * PayPal's Transaction Search API through the official server SDK: windows of at most 31 days,
 * every page, mapped onto the same {@link org.herdbook.finance.paypal.entity.PaypalLine}s as an
 * activity download, so that both paths book each transaction once.
 */
package org.herdbook.finance.paypal.search;
