package org.herdbook.reports.publication.entity;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One version of a month's report: a draft (narrative only; its figures are computed when shown)
 * or a published version (figures, PDF and signature frozen; immutable, in the database too).
 *
 * @param figures the frozen figures as JSON, null for a draft
 * @param replaces the published version this one corrects, or null
 * @param replacesVersion that version's number, or null
 */
public record MonthlyReport(UUID id, YearMonth month, boolean published, Integer version, String narrativeEn,
        String narrativeFr, String figures, String pdfSha256, String signature, UUID replaces, Integer replacesVersion,
        String createdBy, Instant updatedAt, String publishedBy, Instant publishedAt) {
}
