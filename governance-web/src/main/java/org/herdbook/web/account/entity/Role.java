package org.herdbook.web.account.entity;

import java.util.Locale;

/** What an account may do. The names are the security roles pages and resources declare. */
public enum Role {
    MEMBER,
    TREASURER,
    SECRETARY,
    BOARD,
    ADMIN;

    /** The role's name as the container and the database know it ("admin"). */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
