package org.herdbook.web.api;

import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * A request the business rules refuse: a problem kind ({@code problem.<kind>.*} messages), its
 * HTTP status and the detail's arguments. Unchecked, so the transaction it leaves rolls back and
 * nothing is half stored; the API answers it as problem JSON, pages as a message.
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final transient Response.StatusType status;
    private final transient Object[] arguments;

    public Refusal(String kind, Response.StatusType status, Object... arguments) {
        super(kind);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = Objects.requireNonNull(status, "status");
        this.arguments = arguments.clone();
    }

    public String kind() {
        return kind;
    }

    public Response.StatusType status() {
        return status;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The message key of the human explanation, for pages. */
    public String detailKey() {
        return "problem." + kind + ".detail";
    }
}
