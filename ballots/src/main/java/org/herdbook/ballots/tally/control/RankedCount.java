package org.herdbook.ballots.tally.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.tally.entity.Fraction;
import org.herdbook.ballots.tally.entity.RankedResult;
import org.herdbook.ballots.tally.entity.RankedRound;

/**
 * Instant runoff and the single transferable vote, counted in exact fractions. The rules are
 * those stated in the package documentation; this class is their only implementation, used by
 * the server and by the offline verifier alike. Not thread-safe: one instance per count.
 */
final class RankedCount {

    private enum State { CONTINUING, ELECTED, EXCLUDED }

    /** Ballots with the same ranking at the same weight, sitting with the same candidate. */
    private static final class Parcel {
        final int[] ranking;
        int position;
        final long count;
        Fraction weight;

        Parcel(int[] ranking, long count) {
            this.ranking = ranking;
            this.count = count;
            this.weight = Fraction.ONE;
        }

        Fraction value() {
            return weight.times(count);
        }
    }

    private final List<String> ids;
    private final Lot lot;
    private final State[] state;
    private final List<List<Parcel>> piles = new ArrayList<>();
    private final Fraction[] retained;
    private final List<Fraction[]> history = new ArrayList<>();
    private final List<RankedRound> rounds = new ArrayList<>();
    private final List<String> winners = new ArrayList<>();
    private Fraction exhausted = Fraction.ZERO;
    private Fraction exhaustedAtRoundStart = Fraction.ZERO;
    private final long ballotsCast;
    private long valid;

    RankedCount(List<String> optionIds, Lot lot, List<Choice> choices) {
        this.ids = List.copyOf(optionIds);
        this.lot = lot;
        this.state = new State[ids.size()];
        this.retained = new Fraction[ids.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
            state[i] = State.CONTINUING;
            piles.add(new ArrayList<>());
        }
        Map<List<String>, Long> groups = new LinkedHashMap<>();
        for (Choice choice : choices) {
            List<String> ranking = ((Choice.Ranking) choice).ranking();
            if (!ranking.isEmpty()) {
                groups.merge(ranking, 1L, Long::sum);
                valid++;
            }
        }
        this.ballotsCast = choices.size();
        for (Map.Entry<List<String>, Long> group : groups.entrySet()) {
            int[] ranking = group.getKey().stream().mapToInt(index::get).toArray();
            piles.get(ranking[0]).add(new Parcel(ranking, group.getValue()));
        }
    }

    RankedResult instantRunoff() {
        if (valid == 0) {
            return new RankedResult("instant-runoff", ballotsCast, 0, 1, null, rounds, winners);
        }
        while (true) {
            Fraction[] votes = tallies();
            List<Integer> continuing = continuing();
            Fraction total = Fraction.ZERO;
            for (int c : continuing) {
                total = total.plus(votes[c]);
            }
            int leader = continuing.stream().max(byVotes(votes)).orElseThrow();
            if (continuing.size() == 1 || votes[leader].times(2).compareTo(total) > 0) {
                state[leader] = State.ELECTED;
                winners.add(ids.get(leader));
                record(votes, List.of(ids.get(leader)), null, null, Fraction.ZERO, null);
                return new RankedResult("instant-runoff", ballotsCast, ballotsCast - valid, 1, null, rounds, winners);
            }
            exclude(votes, continuing);
        }
    }

    RankedResult singleTransferableVote(int seats) {
        long quota = valid / (seats + 1) + 1;
        if (valid == 0) {
            return new RankedResult("single-transferable-vote", ballotsCast, 0, seats, quota, rounds, winners);
        }
        Fraction quotaValue = Fraction.of(quota);
        List<Integer> pendingSurpluses = new ArrayList<>();
        while (winners.size() < seats) {
            Fraction[] votes = tallies();
            List<Integer> continuing = continuing();
            if (continuing.size() <= seats - winners.size()) {
                continuing.sort(byVotes(votes).reversed());
                List<String> elected = new ArrayList<>();
                for (int c : continuing) {
                    state[c] = State.ELECTED;
                    winners.add(ids.get(c));
                    elected.add(ids.get(c));
                }
                record(votes, elected, null, null, Fraction.ZERO, null);
                break;
            }
            List<Integer> reached = new ArrayList<>();
            for (int c : continuing) {
                if (votes[c].compareTo(quotaValue) >= 0) {
                    reached.add(c);
                }
            }
            reached.sort(byVotes(votes).reversed());
            List<String> elected = new ArrayList<>();
            for (int c : reached) {
                state[c] = State.ELECTED;
                winners.add(ids.get(c));
                elected.add(ids.get(c));
                if (votes[c].compareTo(quotaValue) > 0) {
                    pendingSurpluses.add(c);
                } else {
                    retained[c] = votes[c];
                }
            }
            if (winners.size() >= seats) {
                record(votes, elected, null, null, Fraction.ZERO, null);
                break;
            }
            if (!pendingSurpluses.isEmpty()) {
                // Largest surplus first; equal surpluses in the order their candidates were elected.
                int from = pendingSurpluses.get(0);
                for (int c : pendingSurpluses) {
                    if (votes[c].compareTo(votes[from]) > 0) {
                        from = c;
                    }
                }
                pendingSurpluses.remove(Integer.valueOf(from));
                Fraction surplus = votes[from].minus(quotaValue);
                Fraction factor = surplus.dividedBy(votes[from]);
                List<Parcel> pile = piles.get(from);
                piles.set(from, new ArrayList<>());
                for (Parcel parcel : pile) {
                    parcel.weight = parcel.weight.times(factor);
                    moveOn(parcel);
                }
                retained[from] = quotaValue;
                record(votes, elected, null, ids.get(from), surplus, null);
            } else if (!elected.isEmpty()) {
                record(votes, elected, null, null, Fraction.ZERO, null);
            } else {
                exclude(votes, continuing);
            }
        }
        return new RankedResult("single-transferable-vote", ballotsCast, ballotsCast - valid, seats, quota, rounds,
                winners);
    }

    /** Excludes the continuing candidate with the fewest votes and transfers its ballots at their weight. */
    private void exclude(Fraction[] votes, List<Integer> continuing) {
        Fraction least = continuing.stream().map(c -> votes[c]).min(Comparator.naturalOrder()).orElseThrow();
        List<Integer> tied = new ArrayList<>();
        for (int c : continuing) {
            if (votes[c].compareTo(least) == 0) {
                tied.add(c);
            }
        }
        String tieBrokenBy = null;
        if (tied.size() > 1) {
            tieBrokenBy = "previous-rounds";
            // history's last entry is this round; look back from the round before it.
            for (int r = history.size() - 2; r >= 0 && tied.size() > 1; r--) {
                Fraction[] earlier = history.get(r);
                Fraction min = tied.stream().map(c -> earlier[c]).min(Comparator.naturalOrder()).orElseThrow();
                tied.removeIf(c -> earlier[c].compareTo(min) != 0);
            }
            if (tied.size() > 1) {
                tieBrokenBy = "lot";
                tied.sort((a, b) -> lot.loserFirst().compare(ids.get(a), ids.get(b)));
            }
        }
        int loser = tied.get(0);
        state[loser] = State.EXCLUDED;
        List<Parcel> pile = piles.get(loser);
        piles.set(loser, new ArrayList<>());
        for (Parcel parcel : pile) {
            moveOn(parcel);
        }
        record(votes, List.of(), ids.get(loser), null, votes[loser], tieBrokenBy);
    }

    /** Moves a parcel to its next continuing preference, or to the exhausted pile. */
    private void moveOn(Parcel parcel) {
        for (int p = parcel.position + 1; p < parcel.ranking.length; p++) {
            if (state[parcel.ranking[p]] == State.CONTINUING) {
                parcel.position = p;
                piles.get(parcel.ranking[p]).add(parcel);
                return;
            }
        }
        exhausted = exhausted.plus(parcel.value());
    }

    private Fraction[] tallies() {
        Fraction[] votes = new Fraction[ids.size()];
        for (int c = 0; c < votes.length; c++) {
            if (state[c] == State.EXCLUDED) {
                votes[c] = Fraction.ZERO;
            } else if (retained[c] != null) {
                votes[c] = retained[c];
            } else {
                Fraction sum = Fraction.ZERO;
                for (Parcel parcel : piles.get(c)) {
                    sum = sum.plus(parcel.value());
                }
                votes[c] = sum;
            }
        }
        history.add(votes);
        return votes;
    }

    private List<Integer> continuing() {
        List<Integer> continuing = new ArrayList<>();
        for (int c = 0; c < state.length; c++) {
            if (state[c] == State.CONTINUING) {
                continuing.add(c);
            }
        }
        return continuing;
    }

    /** Fewest votes first; equal votes ordered by the lot, the loser first. */
    private Comparator<Integer> byVotes(Fraction[] votes) {
        Comparator<Integer> byLot = (a, b) -> lot.loserFirst().compare(ids.get(a), ids.get(b));
        return Comparator.<Integer, Fraction>comparing(c -> votes[c]).thenComparing(byLot);
    }

    private void record(Fraction[] votes, List<String> elected, String excluded, String surplusOf,
            Fraction transferred, String tieBrokenBy) {
        Map<String, Fraction> byOption = new LinkedHashMap<>();
        for (int c = 0; c < ids.size(); c++) {
            byOption.put(ids.get(c), votes[c]);
        }
        rounds.add(new RankedRound(byOption, exhaustedAtRoundStart, elected, excluded, surplusOf, transferred,
                tieBrokenBy));
        exhaustedAtRoundStart = exhausted;
    }
}
