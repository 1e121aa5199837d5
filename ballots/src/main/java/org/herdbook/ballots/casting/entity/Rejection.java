package org.herdbook.ballots.casting.entity;

/**
 * Why a vote was refused. Each reason has a stable machine code (for problem details and
 * clients) and a message in the ballots bundle under {@code ballots.rejection.<code>}, in English
 * and French. Codes never change meaning; new reasons get new codes.
 */
public enum Rejection {

    /** Not a compact JWS with a JSON header, or a header this format does not allow ({@code crit}, no {@code kid}). */
    MALFORMED("malformed"),
    /** Longer than {@code BallotFormat.MAX_LENGTH} characters. */
    OVERSIZED("oversized"),
    /** {@code alg} is not EdDSA/Ed25519 or ES256: {@code none}, HMAC and the rest are refused. */
    ALGORITHM_NOT_ALLOWED("algorithm-not-allowed"),
    /** {@code typ} is not {@code vote+jwt}. */
    WRONG_TYPE("wrong-type"),
    /** The header carries or points to a key ({@code jwk}, {@code jku}, {@code x5c}, {@code x5u}): keys come from registration only. */
    EMBEDDED_KEY("embedded-key"),
    /** No key with this {@code kid} is registered for this ballot. */
    UNKNOWN_KEY("unknown-key"),
    /** The {@code alg} does not belong to the registered key's type. */
    KEY_ALGORITHM_MISMATCH("key-algorithm-mismatch"),
    /** The signature does not verify: the header, payload or signature was changed. */
    BAD_SIGNATURE("bad-signature"),
    /** {@code aud} is not this ballot's URI. */
    WRONG_BALLOT("wrong-ballot"),
    /** {@code manifestHash} is not the hash of this ballot's manifest. */
    WRONG_MANIFEST("wrong-manifest"),
    /** A required claim is missing or of the wrong type ({@code jti}, {@code iat}, {@code seq}). */
    INVALID_CLAIMS("invalid-claims"),
    /** The {@code choice} is not a valid choice on this ballot. */
    INVALID_CHOICE("invalid-choice"),
    /** Received before the ballot opens. */
    NOT_OPEN("not-open"),
    /** Received at or after the ballot closes. */
    CLOSED("closed"),
    /** The key's member is not on the ballot's frozen voter roll. */
    NOT_ON_ROLL("not-on-roll"),
    /** A vote with this {@code jti} was already received. */
    REPLAYED("replayed"),
    /** {@code seq} is not higher than the highest already accepted for this key. */
    STALE_SEQUENCE("stale-sequence");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    /** @return the stable machine code, e.g. {@code bad-signature} */
    public String code() {
        return code;
    }

    /** @return the key of the message in the ballots bundle */
    public String messageKey() {
        return "ballots.rejection." + code;
    }
}
