/**
 * The ballot manifest: what is fixed about a ballot when it opens (question, options, counting
 * method, voting window, record date, voter roll digest, server key, mode), its JSON form and
 * its hash, and the shape of a vote's choice for each counting method.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a manifest never changes once the ballot opens; its hash,
 *       {@code base64url(SHA-256(JCS(manifest JSON)))} with JCS the RFC 8785 canonicalization,
 *       is carried by every vote, the result and the audit bundle;</li>
 *   <li>the JSON holds no fractional numbers (percentages and fractions are strings), so the
 *       canonical form is exact;</li>
 *   <li>readers refuse what they do not know (format, mode, method, quota, transfer and
 *       tie-break rules), so nobody counts by rules other than those written in the
 *       manifest;</li>
 *   <li>a choice names only the manifest's options, each at most once.</li>
 * </ul>
 *
 * <p>{@code entity} holds the immutable values; {@code control} the JSON, the hash and the
 * choice codec.
 */
package org.herdbook.ballots.manifest;
