/**
 * Sponsorships: sponsor, amount, period, public name or anonymity. Amounts are confidential:
 * boundaries show them only to the treasurer and the board.
 */
package org.herdbook.finance.sponsorship;
