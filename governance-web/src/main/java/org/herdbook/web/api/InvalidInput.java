package org.herdbook.web.api;

import java.util.List;

/**
 * Input that breaks one or more rules, each named by a message key. Unchecked, so nothing of the
 * request is stored; the API answers it as an {@code invalid-input} problem listing every reason,
 * pages show each reason.
 */
public class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> messageKeys;

    public InvalidInput(List<String> messageKeys) {
        super(String.join(", ", messageKeys));
        if (messageKeys.isEmpty()) {
            throw new IllegalArgumentException("invalid input needs at least one reason");
        }
        this.messageKeys = List.copyOf(messageKeys);
    }

    public static void refuseUnlessEmpty(List<String> messageKeys) {
        if (!messageKeys.isEmpty()) {
            throw new InvalidInput(messageKeys);
        }
    }

    public List<String> messageKeys() {
        return messageKeys;
    }
}
