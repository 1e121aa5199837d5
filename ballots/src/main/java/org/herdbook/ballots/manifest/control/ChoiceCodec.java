package org.herdbook.ballots.manifest.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;

/**
 * The {@code choice} claim of an open-mode vote, by counting method:
 * <ul>
 *   <li>yes/no/abstain: {@code {"answer": "yes"}}, {@code "no"} or {@code "abstain"};</li>
 *   <li>approval: {@code {"approved": ["a", "c"]}}, any number of distinct option ids;</li>
 *   <li>instant runoff and STV: {@code {"ranking": ["b", "a"]}}, distinct option ids, most
 *       preferred first; a partial ranking is allowed, an empty one is a blank ballot.</li>
 * </ul>
 * The object has exactly that one member. Stateless and thread-safe.
 */
public final class ChoiceCodec {

    private ChoiceCodec() {
    }

    /**
     * @param manifest the ballot's manifest, not null
     * @param claim the {@code choice} claim as parsed JSON
     * @return the choice
     * @throws IllegalArgumentException if the claim is not a valid choice on this ballot
     */
    public static Choice parse(BallotManifest manifest, Object claim) {
        if (!(claim instanceof Map<?, ?> map) || map.size() != 1) {
            throw new IllegalArgumentException("The choice is a JSON object with one member");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) map;
        CountingMethod method = manifest.method();
        if (method instanceof CountingMethod.YesNoAbstain) {
            String answer = JsonMembers.string(json, "answer");
            if (!BallotManifest.YES_NO_ABSTAIN_IDS.contains(answer)) {
                throw new IllegalArgumentException("The answer is yes, no or abstain");
            }
            return new Choice.Answer(Choice.Answer.Value.valueOf(answer.toUpperCase(Locale.ROOT)));
        }
        if (method instanceof CountingMethod.Approval) {
            return new Choice.Approvals(optionIds(manifest, json, "approved"));
        }
        return new Choice.Ranking(optionIds(manifest, json, "ranking"));
    }

    /**
     * @param choice a choice, not null
     * @return its claim JSON
     */
    public static Map<String, Object> toClaim(Choice choice) {
        if (choice instanceof Choice.Answer answer) {
            return Map.of("answer", answer.value().name().toLowerCase(Locale.ROOT));
        }
        if (choice instanceof Choice.Approvals approvals) {
            return Map.of("approved", approvals.approved());
        }
        return Map.of("ranking", ((Choice.Ranking) choice).ranking());
    }

    private static List<String> optionIds(BallotManifest manifest, Map<String, Object> json, String name) {
        List<Object> elements = JsonMembers.array(json, name);
        List<String> ids = new ArrayList<>(elements.size());
        Set<String> seen = new HashSet<>();
        for (Object element : elements) {
            if (!(element instanceof String id) || manifest.option(id).isEmpty()) {
                throw new IllegalArgumentException("\"" + name + "\" names an option the ballot does not have");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("\"" + name + "\" names an option twice");
            }
            ids.add(id);
        }
        return ids;
    }
}
