package org.herdbook.web.meetings.control;

/**
 * What a motion needs to carry, counted on the votes cast (for and against; abstentions are not
 * votes cast). An ordinary resolution: more for than against. A special resolution: at least two
 * thirds of the votes cast. No votes cast never carries.
 */
public enum Threshold {
    ORDINARY("ordinary"), SPECIAL("special");

    private final String code;

    Threshold(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Threshold of(String code) {
        for (Threshold threshold : values()) {
            if (threshold.code.equals(code)) {
                return threshold;
            }
        }
        throw new IllegalArgumentException("threshold " + code);
    }

    public boolean carries(int votesFor, int votesAgainst) {
        if (votesFor < 0 || votesAgainst < 0) {
            throw new IllegalArgumentException("negative count");
        }
        long cast = (long) votesFor + votesAgainst;
        if (cast == 0) {
            return false;
        }
        return this == ORDINARY ? votesFor > votesAgainst : 3L * votesFor >= 2L * cast;
    }
}
