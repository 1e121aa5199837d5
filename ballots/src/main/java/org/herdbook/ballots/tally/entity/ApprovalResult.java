package org.herdbook.ballots.tally.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The count of an approval ballot.
 *
 * @param ballotsCast ballots counted, including those approving nothing
 * @param approvals approvals per option id, in ballot order
 * @param winners the winning option ids, most approved first
 * @param tieBrokenByLot whether the last winner tied with the first loser and the lot decided
 */
public record ApprovalResult(long ballotsCast, Map<String, Long> approvals, List<String> winners,
        boolean tieBrokenByLot) implements TallyResult {

    public ApprovalResult {
        approvals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(approvals));
        winners = List.copyOf(winners);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "approval");
        json.put("ballotsCast", ballotsCast);
        List<Object> counts = new ArrayList<>();
        approvals.forEach((option, count) -> counts.add(Map.of("option", option, "approvals", count)));
        json.put("approvals", counts);
        json.put("winners", winners);
        json.put("tieBrokenByLot", tieBrokenByLot);
        return json;
    }
}
