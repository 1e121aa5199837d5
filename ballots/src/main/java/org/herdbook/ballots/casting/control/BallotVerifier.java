package org.herdbook.ballots.casting.control;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.casting.entity.RegisteredKey;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.roll.control.VoterRoll;

/**
 * Decides whether a vote received by the server is accepted, and why not.
 *
 * <p>Checks, in this order, each failure with its own {@link Rejection}: size and compact form;
 * header ({@code alg} allowed, no embedded key, {@code typ}, {@code kid}); voting window
 * ({@code opens <= receivedAt < closes}, by the server's clock); registered key for {@code kid};
 * key type against {@code alg}; signature; claims ({@code aud}, {@code manifestHash}, {@code jti},
 * {@code iat}, {@code seq}, {@code choice}); the key's member on the roll; {@code jti} not seen;
 * {@code seq} above the key's highest.
 *
 * <p>It stores nothing: the caller stores the accepted vote, appends its ballot id to the log and
 * returns a receipt, in one transaction (see {@link CastHistory} about concurrent casts). Built
 * without a {@link CastHistory}, it leaves the {@code jti} and {@code seq} checks to its caller,
 * which must then make them where it stores the vote (the web application does, in order, under
 * the ballot's lock, for every batch of casts). Thread-safe if its collaborators are.
 */
public final class BallotVerifier {

    private final RegisteredKeys keys;
    private final CastHistory history;
    private final VoterRoll roll;

    /**
     * @param keys the registered voter keys
     * @param history what was already accepted
     * @param roll the frozen voter rolls
     */
    public BallotVerifier(RegisteredKeys keys, CastHistory history, VoterRoll roll) {
        this.keys = Objects.requireNonNull(keys, "keys must not be null");
        this.history = Objects.requireNonNull(history, "history must not be null");
        this.roll = Objects.requireNonNull(roll, "roll must not be null");
    }

    /**
     * A verifier that checks everything but replay and revote order, which its caller checks
     * where it stores the vote.
     *
     * @param keys the registered voter keys
     * @param roll the frozen voter rolls
     */
    public BallotVerifier(RegisteredKeys keys, VoterRoll roll) {
        this.keys = Objects.requireNonNull(keys, "keys must not be null");
        this.history = null;
        this.roll = Objects.requireNonNull(roll, "roll must not be null");
    }

    /**
     * @param manifest the manifest of the ballot voted on
     * @param compact the vote as received (compact JWS)
     * @param receivedAt when the server received it
     * @return the accepted vote
     * @throws BallotRejectedException with the reason the vote is refused
     */
    public VerifiedBallot verify(BallotManifest manifest, String compact, Instant receivedAt)
            throws BallotRejectedException {
        return verify(manifest, ManifestCodec.hash(manifest), compact, receivedAt);
    }

    /**
     * @param manifest the manifest of the ballot voted on
     * @param manifestHash its hash ({@link ManifestCodec#hash}), for callers that keep it
     * @param compact the vote as received (compact JWS)
     * @param receivedAt when the server received it
     * @return the accepted vote
     * @throws BallotRejectedException with the reason the vote is refused
     */
    public VerifiedBallot verify(BallotManifest manifest, String manifestHash, String compact, Instant receivedAt)
            throws BallotRejectedException {
        BallotFormat.ParsedBallot parsed = BallotFormat.parse(compact);
        if (receivedAt.isBefore(manifest.opens())) {
            throw new BallotRejectedException(Rejection.NOT_OPEN, "opens " + manifest.opens());
        }
        if (!receivedAt.isBefore(manifest.closes())) {
            throw new BallotRejectedException(Rejection.CLOSED, "closed " + manifest.closes());
        }
        RegisteredKey key = keys.find(manifest.ballot(), parsed.kid())
                .orElseThrow(() -> new BallotRejectedException(Rejection.UNKNOWN_KEY, "kid " + parsed.kid()));
        BallotFormat.verifySignature(parsed, key.verifying());
        BallotFormat.Claims claims = BallotFormat.readClaims(parsed, manifest, manifestHash);
        if (!roll.isOnRoll(manifest.ballot(), key.voterRef())) {
            throw new BallotRejectedException(Rejection.NOT_ON_ROLL, "the key's member is not on the roll");
        }
        if (history != null) {
            if (history.hasJti(manifest.ballot(), claims.jti())) {
                throw new BallotRejectedException(Rejection.REPLAYED, "jti " + claims.jti());
            }
            OptionalLong highest = history.highestSeq(manifest.ballot(), parsed.kid());
            if (highest.isPresent() && claims.seq() <= highest.getAsLong()) {
                throw new BallotRejectedException(Rejection.STALE_SEQUENCE,
                        "seq " + claims.seq() + " after " + highest.getAsLong());
            }
        }
        return new VerifiedBallot(parsed.ballotId(), compact, parsed.kid(), key.publicKey(), key.voterRef(),
                claims.jti(), claims.seq(), claims.issuedAt(), claims.choice(), receivedAt);
    }
}
