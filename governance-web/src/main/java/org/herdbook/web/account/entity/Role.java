package org.herdbook.web.account.entity;

import java.util.Locale;

/** What an account may do. The names are the security roles pages and resources declare. */
public enum Role {
    MEMBER,
    TREASURER,
    SECRETARY,
    BOARD,
    ADMIN;

    /** The role with this name ("treasurer"); empty for anything else. */
    public static java.util.Optional<Role> ofName(String name) {
        return java.util.Arrays.stream(values()).filter(role -> role.roleName().equals(name)).findFirst();
    }

    /** The role's name as the container and the database know it ("admin"). */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
