package org.herdbook.ballots.audit.entity;

import java.util.List;
import java.util.Objects;

/**
 * One thing an audit bundle got wrong. The code is stable; the message is
 * {@code ballots.audit.<code>} in the ballots bundle, formatted with the arguments.
 *
 * @param code the stable code, e.g. {@code tally-recount}
 * @param arguments the message arguments (numbers, ids, codes), in order
 */
public record Finding(String code, List<Object> arguments) {

    public Finding {
        Objects.requireNonNull(code, "code must not be null");
        arguments = List.copyOf(arguments);
    }

    /** @return a finding with these message arguments */
    public static Finding of(String code, Object... arguments) {
        return new Finding(code, List.of(arguments));
    }

    /** @return the key of the message in the ballots bundle */
    public String messageKey() {
        return "ballots.audit." + code;
    }
}
