package org.herdbook.web.membership.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a member stands with the foundation on a given day. */
public enum Standing {
    /** Signed up, not yet a member: no dues paid and no project membership granted. */
    APPLICANT,
    /** A member in good standing. */
    ACTIVE,
    /** Dues are late but the grace period (a bylaws setting) has not run out. */
    IN_GRACE,
    /** Dues stayed unpaid after the grace period. */
    LAPSED,
    /** Left at their own request (or closed their account). */
    RESIGNED,
    /** Removed by a decision of the board. */
    REMOVED;

    /** The name stored in the database and shown in the API ("in-grace"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Standing> ofCode(String code) {
        return Arrays.stream(values()).filter(standing -> standing.code().equals(code)).findFirst();
    }

    /** Whether a member in this standing counts as a member at all (for "member since"). */
    public boolean isMembership() {
        return this == ACTIVE || this == IN_GRACE;
    }

    /** Whether a payment of dues makes this standing active again. Removal needs the board. */
    public boolean reactivatedByPayment() {
        return this == APPLICANT || this == IN_GRACE || this == LAPSED || this == RESIGNED;
    }

    /** Standings the board may decide directly; grace and lapse follow from the dues calendar. */
    public boolean decidedByBoard() {
        return this == ACTIVE || this == RESIGNED || this == REMOVED;
    }
}
