/**
 * Money: an amount in one currency, the value every other finance component books, sums and
 * compares.
 *
 * <p>It owns no table and no state; it owns the rules every amount obeys:
 * <ul>
 *   <li>an amount always carries its currency, and its scale is exactly that currency's number
 *       of minor-unit digits (CAD 2, JPY 0, BHD 3), so two equal amounts are always
 *       {@code equals} and a stored amount never changes when read back;</li>
 *   <li>nothing is rounded silently: an amount with more decimals than its currency allows is
 *       refused, and rounding happens only where a caller names the {@link java.math.RoundingMode}
 *       (a fee percentage, a currency conversion);</li>
 *   <li>amounts in different currencies are never added, subtracted or compared: converting is a
 *       booking of its own, not arithmetic;</li>
 *   <li>amounts are {@link java.math.BigDecimal}, never {@code double}.</li>
 * </ul>
 */
package org.herdbook.finance.money;
