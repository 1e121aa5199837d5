/**
 * Drafts, publication and verification of monthly reports.
 *
 * <p>Invariants:
 * <ul>
 *   <li>at most one draft per month; a draft stores only its narrative (English and French), its
 *       figures are computed from the books whenever it is shown;</li>
 *   <li>only a closed month whose end has passed is published; publishing freezes the figures,
 *       renders the PDF and signs its SHA-256 with the foundation's key (a JWS of type
 *       {@code report-hash+jwt}); versions of a month are numbered under a lock;</li>
 *   <li>a published report never changes: the database refuses UPDATE, DELETE and TRUNCATE of it.
 *       A correction is a later version that names the version it replaces.</li>
 * </ul>
 */
package org.herdbook.reports.publication;
