package org.herdbook.web.meetings.control;

/**
 * A quorum: a number of people, or a percentage (rounded up) of those entitled to attend (members
 * eligible on the record date, or directors in office on the meeting day). Never less than one.
 */
public record QuorumRule(Kind kind, int value) {

    public enum Kind {
        NUMBER("number"), PERCENT("percent");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("quorum kind " + code);
        }
    }

    public QuorumRule {
        if (kind == null || value < 1 || (kind == Kind.PERCENT && value > 100)) {
            throw new IllegalArgumentException("quorum " + value + " " + kind);
        }
    }

    /** How many must be present out of {@code entitled}. */
    public int required(int entitled) {
        if (kind == Kind.NUMBER) {
            return value;
        }
        return Math.max(1, (int) ((entitled * (long) value + 99) / 100));
    }

    public boolean isMet(int present, int entitled) {
        return present >= required(entitled);
    }
}
