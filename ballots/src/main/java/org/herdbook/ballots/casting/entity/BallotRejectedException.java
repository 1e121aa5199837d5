package org.herdbook.ballots.casting.entity;

import java.util.Objects;

/**
 * A vote was refused, for the {@link #reason()} given. The exception message is English detail
 * for logs; people see the reason's bundle message.
 */
public class BallotRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Rejection reason;

    /**
     * @param reason why, not null
     * @param detail English detail for logs
     */
    public BallotRejectedException(Rejection reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason must not be null");
    }

    /** @return why the vote was refused */
    public Rejection reason() {
        return reason;
    }
}
