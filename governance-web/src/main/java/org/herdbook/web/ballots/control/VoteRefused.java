package org.herdbook.web.ballots.control;

import java.util.Objects;
import org.herdbook.ballots.casting.entity.Rejection;

/**
 * A vote the casting checks refused. Unchecked, so the cast's transaction rolls back and nothing of
 * it is stored; the API answers it as a problem whose type names the rejection code.
 */
public class VoteRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rejection reason;

    public VoteRefused(Rejection reason, Throwable cause) {
        super(reason.code(), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Rejection reason() {
        return reason;
    }
}
