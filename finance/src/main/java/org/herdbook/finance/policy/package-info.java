/**
 * The foundation's financial policy as the finance module sees it: currency, time zone,
 * approval threshold, runway target, attachment limits. Owns no state; implemented outside.
 */
package org.herdbook.finance.policy;
