package org.herdbook.web.board.boundary;

import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/** Identifiers in paths: a malformed one names nothing, so it is a 404 like an unknown one. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException();
        }
    }
}
