package org.herdbook.web.membership.entity;

import java.util.Locale;

/** Why a member's standing changed. */
public enum StandingCause {
    APPLICATION,
    DUES_PAYMENT,
    DUES_OVERDUE,
    PROJECT_GRANT,
    BOARD_DECISION,
    OWN_REQUEST,
    ACCOUNT_CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StandingCause ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
