package org.herdbook.ballots.manifest.entity;

/**
 * Whether choices are readable by the server.
 *
 * <p>Only {@link #OPEN} exists today: the server knows which pseudonymous key chose what. A
 * {@code "secret"} mode will carry the choice encrypted to the trustees' key (the {@code choice}
 * claim then becomes {@code {"sealed": "<JWE compact>"}}); the manifest names the mode so that a
 * verifier never mistakes one format for the other, and refuses a mode it does not know.
 */
public enum BallotMode {

    /** Choices are signed but not encrypted. */
    OPEN("open");

    private final String json;

    BallotMode(String json) {
        this.json = json;
    }

    /** @return the manifest's spelling of this mode */
    public String json() {
        return json;
    }

    /**
     * @param json the manifest's spelling
     * @return the mode
     * @throws IllegalArgumentException for a mode this version does not know
     */
    public static BallotMode fromJson(String json) {
        for (BallotMode mode : values()) {
            if (mode.json.equals(json)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown ballot mode: " + json);
    }
}
