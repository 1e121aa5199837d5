/**
 * Keys and algorithms: which public keys voters may register and the server may publish
 * (Ed25519 and P-256 only), their RFC 7638 thumbprints, and the server's own signing key for
 * receipts, tree heads and results.
 *
 * <p>Invariants: only EdDSA/Ed25519 and ES256 signatures are ever verified, never {@code none},
 * HMAC or RSA; a verifying key always comes from registration or from the manifest, never from a
 * JWS header; the server's private key comes from configuration and is never written anywhere by
 * this module.
 */
package org.herdbook.ballots.keys;
