package org.herdbook.web.meetings.entity;

/** Annual and special general meetings of the members; meetings of the board. */
public enum MeetingKind {
    ANNUAL_GENERAL("annual-general"), SPECIAL_GENERAL("special-general"), BOARD("board");

    private final String code;

    MeetingKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isGeneral() {
        return this != BOARD;
    }

    public static java.util.Optional<MeetingKind> of(String code) {
        for (MeetingKind kind : values()) {
            if (kind.code.equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
