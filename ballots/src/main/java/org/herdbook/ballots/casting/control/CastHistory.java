package org.herdbook.ballots.casting.control;

import java.net.URI;
import java.util.OptionalLong;

/**
 * What was already accepted on each ballot, for replay and revote checks. Implemented by the web
 * application over its append-only vote table.
 *
 * <p>The checks and the insert of the new vote race with concurrent casts: the table must also
 * refuse a second row with the same {@code (ballot, jti)} and the same {@code (ballot, kid, seq)}
 * (unique constraints), and a constraint violation is reported as
 * {@code Rejection.REPLAYED}/{@code Rejection.STALE_SEQUENCE}.
 */
public interface CastHistory {

    /**
     * @param ballot the ballot's URI
     * @param jti a vote's {@code jti}
     * @return whether an accepted vote on that ballot had that {@code jti}
     */
    boolean hasJti(URI ballot, String jti);

    /**
     * @param ballot the ballot's URI
     * @param kid a registered key's thumbprint
     * @return the highest {@code seq} accepted from that key on that ballot, if any
     */
    OptionalLong highestSeq(URI ballot, String kid);
}
