package org.herdbook.finance;

import java.util.Arrays;

/**
 * A finance operation refused because of what the caller asked, never because of a fault:
 * an unbalanced entry, a closed month, an unknown account. It names a message of the finance
 * bundle ({@code org/herdbook/finance/messages}) and its arguments, so that pages and the API
 * can explain it in the caller's language.
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal, for the boundary to choose a status. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** The input is fine but the books' state forbids it now (409). */
        CONFLICT,
        /** The thing named does not exist (404). */
        NOT_FOUND,
        /** The input is too large (413). */
        TOO_LARGE
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    public Refusal(Kind kind, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public static Refusal invalid(String messageKey, Object... arguments) {
        return new Refusal(Kind.INVALID, messageKey, arguments);
    }

    public static Refusal conflict(String messageKey, Object... arguments) {
        return new Refusal(Kind.CONFLICT, messageKey, arguments);
    }

    public static Refusal notFound(String messageKey, Object... arguments) {
        return new Refusal(Kind.NOT_FOUND, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    /** The key of the explanation in the finance bundle. */
    public String messageKey() {
        return messageKey;
    }

    /** The explanation's arguments, {0} first. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
