package org.herdbook.ballots.tally.entity;

import java.util.List;
import java.util.Map;

/**
 * The outcome of counting one ballot's votes, with enough detail (rounds, transfers, ties) for a
 * person to follow the count. Its JSON is what the result JWS signs and the audit bundle holds;
 * recounting the same votes gives the same JSON, byte for byte once canonicalized.
 */
public interface TallyResult {

    /** @return the tally as JSON (maps, lists, strings, integers, booleans, null) */
    Map<String, Object> toJson();

    /** @return the winning options, or adopted answer, in order; empty when nothing won */
    List<String> winners();
}
