package org.herdbook.ballots.manifest.entity;

import java.util.List;
import java.util.Objects;

/**
 * What one ballot says, in the shape the manifest's counting method expects. In open mode it is
 * the vote's {@code choice} claim as JSON (see {@code ChoiceCodec}). Immutable.
 */
public sealed interface Choice {

    /** An answer to a yes/no/abstain question: {@code {"answer": "yes"}}. */
    record Answer(Value value) implements Choice {

        public Answer {
            Objects.requireNonNull(value, "value must not be null");
        }

        /** The three answers. */
        public enum Value {
            YES, NO, ABSTAIN
        }
    }

    /**
     * The options a voter approves, possibly none: {@code {"approved": ["a", "c"]}}.
     *
     * @param approved option ids, no duplicates
     */
    record Approvals(List<String> approved) implements Choice {

        public Approvals {
            approved = List.copyOf(approved);
        }
    }

    /**
     * Options in order of preference, most preferred first, possibly partial or empty (a blank
     * ballot): {@code {"ranking": ["b", "a"]}}.
     *
     * @param ranking option ids, no duplicates
     */
    record Ranking(List<String> ranking) implements Choice {

        public Ranking {
            ranking = List.copyOf(ranking);
        }
    }
}
