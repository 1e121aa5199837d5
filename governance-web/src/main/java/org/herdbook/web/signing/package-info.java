/**
 * The foundation's signing key: one private Ed25519 or P-256 key that signs ballot receipts,
 * tree heads and results, and the hashes of published reports; its public half is published as
 * a JWK set so that anyone can check those signatures without trusting this server.
 *
 * <p>The private key comes from the environment ({@code HERDBOOK_SIGNING_KEY}, a private JWK) or,
 * for a single server started from a fresh clone, from a key file generated on first start
 * ({@code HERDBOOK_SIGNING_KEY_FILE}, default {@code ~/.herdbook/signing-key.jwk}, readable by its
 * owner only). It is never written to the database, a log or a response.
 */
package org.herdbook.web.signing;
