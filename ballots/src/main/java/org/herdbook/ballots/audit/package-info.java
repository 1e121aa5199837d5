/**
 * The audit bundle of a closed ballot and its verifier, which needs nothing from the server.
 *
 * <p>The bundle holds the manifest and its hash, every signed tree head, every vote in log order
 * with its voter's public key (pseudonymous) and superseded mark, the tally and the signed
 * result. {@code BundleVerifier} checks every signature, recomputes the ballot ids, the Merkle
 * roots of every published tree size, the superseded marks and the tally, and reports each
 * mismatch as a {@code Finding} with a stable code. {@code boundary.VerifyBundleCommand} is the
 * stand-alone command ({@code java -jar ballots-<version>-verifier.jar bundle.json}).
 *
 * <p>Invariants: the bundle verifies only if nothing at all mismatches; the verifier uses the
 * same format, counting and Merkle code as the server, so a disagreement is always a problem
 * with the bundle, never with two implementations.
 */
package org.herdbook.ballots.audit;
