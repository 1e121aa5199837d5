package org.herdbook.reports.publication.entity;

import java.time.YearMonth;

/**
 * A CDI event: a version of a month's report was published in the current transaction. Whoever
 * keeps public copies of the published reports (the web page cache) observes it after commit.
 */
public record ReportPublished(YearMonth month, int version) {
}
