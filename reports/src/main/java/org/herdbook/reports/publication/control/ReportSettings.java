package org.herdbook.reports.publication.control;

import java.time.ZoneId;

/** What a report says about its foundation; governance-web implements it from the foundation's settings. */
public interface ReportSettings {

    String foundationName();

    ZoneId timeZone();

    /** The public address of this Herdbook, without a trailing slash, for the links a PDF prints. */
    String baseUrl();
}
