package org.herdbook.ballots.manifest.entity;

import java.util.Objects;

/**
 * How the ballots are counted; fixed in the manifest at opening. The rules of each method, ties
 * included, are those of {@code org.herdbook.ballots.tally}.
 */
public sealed interface CountingMethod {

    /** @return the manifest's name of the method */
    String type();

    /**
     * A proposal answered yes, no or abstain. Abstentions count towards the quorum only.
     *
     * @param quorum the ballots needed for the result to stand, not null
     * @param threshold the share of yes among yes and no that adopts, not null
     */
    record YesNoAbstain(Quorum quorum, Threshold threshold) implements CountingMethod {

        public YesNoAbstain {
            Objects.requireNonNull(quorum, "quorum must not be null");
            Objects.requireNonNull(threshold, "threshold must not be null");
        }

        @Override
        public String type() {
            return "yes-no-abstain";
        }
    }

    /**
     * Approval voting: each ballot approves any number of options; the {@code winners} options
     * with the most approvals win.
     *
     * @param winners how many options win, at least 1
     */
    record Approval(int winners) implements CountingMethod {

        public Approval {
            if (winners < 1) {
                throw new IllegalArgumentException("At least one winner");
            }
        }

        @Override
        public String type() {
            return "approval";
        }
    }

    /** Ranked choice for one winner, counted by instant runoff. */
    record InstantRunoff() implements CountingMethod {

        @Override
        public String type() {
            return "instant-runoff";
        }
    }

    /**
     * The single transferable vote for several seats, with the Droop quota and the weighted
     * inclusive Gregory transfer in exact fractions.
     *
     * @param seats how many candidates are elected, at least 1
     */
    record SingleTransferableVote(int seats) implements CountingMethod {

        /** The quota, as written into the manifest. */
        public static final String QUOTA = "droop";
        /** The transfer rule, as written into the manifest; see the tally package. */
        public static final String TRANSFER = "weighted-inclusive-gregory-exact";

        public SingleTransferableVote {
            if (seats < 1) {
                throw new IllegalArgumentException("At least one seat");
            }
        }

        @Override
        public String type() {
            return "single-transferable-vote";
        }
    }
}
