package org.herdbook.ballots.roll.control;

import java.net.URI;

/**
 * The frozen voter roll of each ballot, as the casting checks see it. Implemented by the web
 * application, over the roll it froze at opening with {@link RollFreezer}.
 *
 * <p>The roll is frozen once, at opening, from the members' eligibility at the record date; it
 * never changes afterwards, so answers for a ballot must not change either.
 */
public interface VoterRoll {

    /**
     * @param ballot the ballot's URI
     * @param voterRef the reference to the member that the web application stored with the key
     *     registration (opaque to this module)
     * @return whether that member is on the ballot's frozen roll
     */
    boolean isOnRoll(URI ballot, String voterRef);
}
