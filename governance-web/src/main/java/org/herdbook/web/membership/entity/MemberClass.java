package org.herdbook.web.membership.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two ways of being a member. Both vote. */
public enum MemberClass {
    /** Pays the monthly dues. */
    GENERAL,
    /** Granted by the board for a contribution to one of the foundation's projects. */
    PROJECT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberClass> ofCode(String code) {
        return Arrays.stream(values()).filter(value -> value.code().equals(code)).findFirst();
    }
}
