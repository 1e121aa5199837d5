package org.herdbook.ballots.casting.control;

import java.net.URI;
import java.util.Optional;
import org.herdbook.ballots.casting.entity.RegisteredKey;

/**
 * The public keys members registered to vote on each ballot. Implemented by the web application,
 * which accepts a registration only from a signed-in member on the roll, only for a key that
 * {@code KeyPolicy.problemWith} accepts, and only one key per member and ballot.
 */
public interface RegisteredKeys {

    /**
     * @param ballot the ballot's URI
     * @param kid a key thumbprint (RFC 7638) as a vote's header names it
     * @return the key registered for that ballot under that thumbprint, if any
     */
    Optional<RegisteredKey> find(URI ballot, String kid);
}
