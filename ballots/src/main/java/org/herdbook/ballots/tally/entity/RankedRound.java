package org.herdbook.ballots.tally.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of a ranked count (instant runoff or STV): the votes of every candidate at the start
 * of the round, then what the round did.
 *
 * @param votes votes per option id in ballot order (elected candidates keep the quota, excluded
 *     ones show 0), as fractions
 * @param exhausted the value of ballots with no continuing preference left
 * @param elected candidates declared elected this round, in order; may be empty
 * @param excluded the candidate excluded this round, or null
 * @param surplusOf the elected candidate whose surplus is transferred this round, or null
 * @param transferred the value transferred this round (a surplus or the excluded candidate's
 *     votes), "0" if none
 * @param tieBrokenBy how a tie deciding this round was broken: {@code "previous-rounds"},
 *     {@code "lot"}, or null when there was none
 */
public record RankedRound(Map<String, Fraction> votes, Fraction exhausted, List<String> elected, String excluded,
        String surplusOf, Fraction transferred, String tieBrokenBy) {

    public RankedRound {
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        elected = List.copyOf(elected);
    }

    /** @return the round as JSON; absent parts are left out */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        votes.forEach((option, value) -> counts.put(option, value.toString()));
        json.put("votes", counts);
        json.put("exhausted", exhausted.toString());
        if (!elected.isEmpty()) {
            json.put("elected", new ArrayList<>(elected));
        }
        if (excluded != null) {
            json.put("excluded", excluded);
        }
        if (surplusOf != null) {
            json.put("surplusOf", surplusOf);
        }
        if (excluded != null || surplusOf != null) {
            json.put("transferred", transferred.toString());
        }
        if (tieBrokenBy != null) {
            json.put("tieBrokenBy", tieBrokenBy);
        }
        return json;
    }
}
