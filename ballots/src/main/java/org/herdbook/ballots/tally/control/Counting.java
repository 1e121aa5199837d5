package org.herdbook.ballots.tally.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.tally.entity.ApprovalResult;
import org.herdbook.ballots.tally.entity.TallyResult;
import org.herdbook.ballots.tally.entity.YesNoAbstainResult;

/**
 * Counts the choices of the ballots that count (the latest revote of each voter) by the
 * manifest's method. The rules, ties included, are stated in the package documentation.
 *
 * <p>Deterministic: the same manifest and the same choices in any order give the same result.
 * Stateless and thread-safe.
 */
public final class Counting {

    private Counting() {
    }

    /**
     * @param manifest the ballot's manifest, not null
     * @param manifestHash its hash (seeds the lot that breaks ties), not null
     * @param choices one choice per counted ballot, each of the method's shape
     * @return the result
     * @throws IllegalArgumentException if a choice does not fit the method
     */
    public static TallyResult count(BallotManifest manifest, String manifestHash, Collection<Choice> choices) {
        List<Choice> all = List.copyOf(choices);
        Lot lot = new Lot(manifestHash, manifest.optionIds());
        CountingMethod method = manifest.method();
        if (method instanceof CountingMethod.YesNoAbstain yna) {
            return yesNoAbstain(manifest, yna, all);
        }
        if (method instanceof CountingMethod.Approval approval) {
            return approval(manifest, approval, lot, all);
        }
        for (Choice choice : all) {
            if (!(choice instanceof Choice.Ranking)) {
                throw new IllegalArgumentException("A ranked ballot needs rankings, not " + choice);
            }
        }
        RankedCount count = new RankedCount(manifest.optionIds(), lot, all);
        if (method instanceof CountingMethod.InstantRunoff) {
            return count.instantRunoff();
        }
        return count.singleTransferableVote(((CountingMethod.SingleTransferableVote) method).seats());
    }

    private static YesNoAbstainResult yesNoAbstain(BallotManifest manifest, CountingMethod.YesNoAbstain method,
            List<Choice> choices) {
        long yes = 0;
        long no = 0;
        long abstain = 0;
        for (Choice choice : choices) {
            if (!(choice instanceof Choice.Answer answer)) {
                throw new IllegalArgumentException("A yes/no/abstain ballot needs answers, not " + choice);
            }
            switch (answer.value()) {
                case YES -> yes++;
                case NO -> no++;
                case ABSTAIN -> abstain++;
            }
        }
        long required = method.quorum().required(manifest.roll().size());
        YesNoAbstainResult.Outcome outcome;
        if (yes + no + abstain < required) {
            outcome = YesNoAbstainResult.Outcome.NO_QUORUM;
        } else if (method.threshold().isMet(yes, no)) {
            outcome = YesNoAbstainResult.Outcome.ADOPTED;
        } else {
            outcome = YesNoAbstainResult.Outcome.REJECTED;
        }
        return new YesNoAbstainResult(manifest.roll().size(), yes, no, abstain, required, method.threshold(), outcome);
    }

    private static ApprovalResult approval(BallotManifest manifest, CountingMethod.Approval method, Lot lot,
            List<Choice> choices) {
        Map<String, Long> approvals = new LinkedHashMap<>();
        for (String id : manifest.optionIds()) {
            approvals.put(id, 0L);
        }
        for (Choice choice : choices) {
            if (!(choice instanceof Choice.Approvals approved)) {
                throw new IllegalArgumentException("An approval ballot needs approvals, not " + choice);
            }
            for (String id : approved.approved()) {
                approvals.merge(id, 1L, Long::sum);
            }
        }
        List<String> order = new ArrayList<>(manifest.optionIds());
        order.sort((a, b) -> {
            int byCount = Long.compare(approvals.get(b), approvals.get(a));
            return byCount != 0 ? byCount : lot.winnerFirst().compare(a, b);
        });
        int k = method.winners();
        boolean tieAtTheCut = approvals.get(order.get(k - 1)).equals(approvals.get(order.get(k)));
        return new ApprovalResult(choices.size(), approvals, order.subList(0, k), tieAtTheCut);
    }
}
