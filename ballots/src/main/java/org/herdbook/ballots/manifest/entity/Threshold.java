package org.herdbook.ballots.manifest.entity;

/**
 * The share of the votes cast for or against (abstentions left out) that adopts a proposal.
 */
public enum Threshold {

    /** More than half: {@code 2 * yes > yes + no}. Exactly half is not a majority. */
    MAJORITY("majority"),

    /**
     * At least two-thirds, for special resolutions: {@code 3 * yes >= 2 * (yes + no)} with at
     * least one yes. Exactly two-thirds adopts.
     */
    TWO_THIRDS("two-thirds");

    private final String json;

    Threshold(String json) {
        this.json = json;
    }

    /**
     * @param yes the votes for, not negative
     * @param no the votes against, not negative
     * @return whether the proposal reaches this threshold
     */
    public boolean isMet(long yes, long no) {
        return switch (this) {
            case MAJORITY -> 2 * yes > yes + no;
            case TWO_THIRDS -> yes > 0 && 3 * yes >= 2 * (yes + no);
        };
    }

    /** @return the manifest's spelling */
    public String json() {
        return json;
    }

    /**
     * @param json the manifest's spelling
     * @return the threshold
     * @throws IllegalArgumentException if unknown
     */
    public static Threshold fromJson(String json) {
        for (Threshold threshold : values()) {
            if (threshold.json.equals(json)) {
                return threshold;
            }
        }
        throw new IllegalArgumentException("Unknown threshold: " + json);
    }
}
