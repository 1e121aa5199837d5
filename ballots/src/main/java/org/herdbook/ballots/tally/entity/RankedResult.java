package org.herdbook.ballots.tally.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The count of an instant-runoff or STV ballot.
 *
 * @param method {@code "instant-runoff"} or {@code "single-transferable-vote"}
 * @param ballotsCast ballots counted, blank ones included
 * @param blankBallots ballots ranking nobody (they take no part in the count)
 * @param seats seats to fill (1 for instant runoff)
 * @param quota votes that elect: the Droop quota for STV; for instant runoff, null (a candidate
 *     needs more than half the continuing votes of the round)
 * @param rounds the rounds in order
 * @param winners the elected candidates in the order they were elected
 */
public record RankedResult(String method, long ballotsCast, long blankBallots, int seats, Long quota,
        List<RankedRound> rounds, List<String> winners) implements TallyResult {

    public RankedResult {
        rounds = List.copyOf(rounds);
        winners = List.copyOf(winners);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("ballotsCast", ballotsCast);
        json.put("blankBallots", blankBallots);
        json.put("seats", seats);
        if (quota != null) {
            json.put("quota", quota);
        }
        List<Object> list = new ArrayList<>();
        for (RankedRound round : rounds) {
            list.add(round.toJson());
        }
        json.put("rounds", list);
        json.put("winners", winners);
        return json;
    }
}
