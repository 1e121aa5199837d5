package org.herdbook.ballots.tally.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.manifest.entity.Threshold;

/**
 * The count of a yes/no/abstain ballot.
 *
 * @param rollSize members on the frozen roll
 * @param yes votes for
 * @param no votes against
 * @param abstain abstentions (count for the quorum only)
 * @param quorumRequired ballots needed for the result to stand
 * @param threshold the threshold applied to yes among yes and no
 * @param outcome adopted, rejected, or no quorum
 */
public record YesNoAbstainResult(long rollSize, long yes, long no, long abstain, long quorumRequired,
        Threshold threshold, Outcome outcome) implements TallyResult {

    /** What the ballot decided. */
    public enum Outcome {
        ADOPTED("adopted"), REJECTED("rejected"), NO_QUORUM("no-quorum");

        private final String json;

        Outcome(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** @return yes + no + abstain */
    public long ballotsCast() {
        return yes + no + abstain;
    }

    @Override
    public List<String> winners() {
        return outcome == Outcome.ADOPTED ? List.of("yes") : List.of();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "yes-no-abstain");
        json.put("rollSize", rollSize);
        json.put("ballotsCast", ballotsCast());
        json.put("yes", yes);
        json.put("no", no);
        json.put("abstain", abstain);
        json.put("quorumRequired", quorumRequired);
        json.put("quorumMet", ballotsCast() >= quorumRequired);
        json.put("threshold", threshold.json());
        json.put("outcome", outcome.json());
        return json;
    }
}
