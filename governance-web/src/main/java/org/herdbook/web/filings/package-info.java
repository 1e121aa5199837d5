/** Statutory filings with their due dates, and the once-only reminder to the secretaries. */
package org.herdbook.web.filings;
