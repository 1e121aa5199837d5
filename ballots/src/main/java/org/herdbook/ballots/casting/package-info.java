/**
 * Casting: deciding whether a signed vote is accepted. Where votes get verified.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a vote is a compact JWS ({@code typ} {@code vote+jwt}) signed with EdDSA (Ed25519) or
 *       ES256 by a key the member registered for the ballot; the key is looked up by its RFC 7638
 *       thumbprint ({@code kid}), never taken from the header;</li>
 *   <li>a vote counts only if received inside the window, for this ballot and manifest, from a
 *       member on the frozen roll, with a new {@code jti} and a {@code seq} above the key's
 *       previous votes; each refusal has its own stable {@code Rejection} code;</li>
 *   <li>the ballot id is SHA-256 of the signing input {@code header.payload}, never of the
 *       signature (ECDSA signatures are malleable);</li>
 *   <li>the checks that need no server state live in {@code BallotFormat}, shared with the
 *       offline verifier, so votes are judged the same way at casting and at audit.</li>
 * </ul>
 *
 * <p>The web application implements {@code RegisteredKeys}, {@code CastHistory} and the roll's
 * {@code VoterRoll}, stores accepted votes (append-only) and appends their ids to the log.
 */
package org.herdbook.ballots.casting;
