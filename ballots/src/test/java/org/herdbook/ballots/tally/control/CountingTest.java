package org.herdbook.ballots.tally.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herdbook.ballots.TestBallots.answer;
import static org.herdbook.ballots.TestBallots.approvals;
import static org.herdbook.ballots.TestBallots.ranking;
import static org.herdbook.ballots.TestBallots.times;
import static org.herdbook.ballots.manifest.entity.Choice.Answer.Value.ABSTAIN;
import static org.herdbook.ballots.manifest.entity.Choice.Answer.Value.NO;
import static org.herdbook.ballots.manifest.entity.Choice.Answer.Value.YES;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.Threshold;
import org.herdbook.ballots.tally.entity.ApprovalResult;
import org.herdbook.ballots.tally.entity.Fraction;
import org.herdbook.ballots.tally.entity.RankedResult;
import org.herdbook.ballots.tally.entity.RankedRound;
import org.herdbook.ballots.tally.entity.YesNoAbstainResult;
import org.herdbook.ballots.tally.entity.YesNoAbstainResult.Outcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountingTest {

    private static final ServerKey SERVER = ServerKey.generateEd25519();
    private static final List<String> TENNESSEE = List.of("memphis", "nashville", "chattanooga", "knoxville");

    @Nested
    class YesNoAbstain {

        @ParameterizedTest(name = "majority: {0} yes, {1} no, {2} abstain -> {3}")
        @CsvSource({
            "5, 5, 0, REJECTED",   // exactly half is not a majority
            "6, 5, 0, ADOPTED",
            "5, 5, 9, REJECTED",   // abstentions do not help
            "1, 0, 20, ADOPTED",   // nor hurt
            "0, 0, 10, REJECTED"   // nothing for or against: nothing is adopted
        })
        void majorityOfVotesCast(int yes, int no, int abstain, Outcome expected) {
            assertThat(count(Threshold.MAJORITY, new Quorum.Count(0), 100, yes, no, abstain).outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "two-thirds: {0} yes, {1} no -> {2}")
        @CsvSource({
            "20, 10, ADOPTED",    // exactly two-thirds adopts
            "19, 10, REJECTED",   // just under
            "2, 1, ADOPTED",
            "66, 34, REJECTED",   // 66% is not two-thirds
            "67, 33, ADOPTED"
        })
        void twoThirdsForSpecialResolutions(int yes, int no, Outcome expected) {
            assertThat(count(Threshold.TWO_THIRDS, new Quorum.Count(0), 100, yes, no, 0).outcome()).isEqualTo(expected);
        }

        @Test
        void quorumIsABallotCountWithAbstentionsIncluded() {
            assertThat(count(Threshold.MAJORITY, new Quorum.Count(10), 100, 6, 3, 0).outcome()).isEqualTo(Outcome.NO_QUORUM);
            assertThat(count(Threshold.MAJORITY, new Quorum.Count(10), 100, 6, 3, 1).outcome()).isEqualTo(Outcome.ADOPTED);
            YesNoAbstainResult oneShort = count(Threshold.MAJORITY, new Quorum.Count(10), 100, 9, 0, 0);
            assertThat(oneShort.outcome()).isEqualTo(Outcome.NO_QUORUM);
            assertThat(oneShort.toJson()).containsEntry("quorumMet", false).containsEntry("quorumRequired", 10L);
        }

        @ParameterizedTest(name = "{0}% of a roll of {1} needs {2} ballots")
        @CsvSource({
            "25, 10, 3",      // 2.5 rounds up
            "25, 12, 3",      // exact
            "50, 101, 51",
            "33.33, 100, 34",
            "100, 7, 7",
            "0, 50, 0"
        })
        void percentQuorumRoundsUp(String percent, long roll, long required) {
            assertThat(new Quorum.PercentOfRoll(new BigDecimal(percent)).required(roll)).isEqualTo(required);
        }

        @Test
        void percentQuorumAtItsBoundary() {
            Quorum quarter = new Quorum.PercentOfRoll(new BigDecimal("25"));
            assertThat(count(Threshold.MAJORITY, quarter, 12, 2, 0, 0).outcome()).isEqualTo(Outcome.NO_QUORUM);
            assertThat(count(Threshold.MAJORITY, quarter, 12, 2, 0, 1).outcome()).isEqualTo(Outcome.ADOPTED);
        }

        @Test
        void writesEveryFigureOfTheCount() {
            YesNoAbstainResult result = count(Threshold.TWO_THIRDS, new Quorum.Count(5), 40, 8, 4, 3);
            assertThat(CanonicalJson.write(result.toJson())).isEqualTo(
                    "{\"abstain\":3,\"ballotsCast\":15,\"method\":\"yes-no-abstain\",\"no\":4,\"outcome\":\"adopted\","
                            + "\"quorumMet\":true,\"quorumRequired\":5,\"rollSize\":40,\"threshold\":\"two-thirds\",\"yes\":8}");
        }

        private YesNoAbstainResult count(Threshold threshold, Quorum quorum, long roll, int yes, int no, int abstain) {
            BallotManifest manifest = TestBallots.yesNo(quorum, threshold, roll, SERVER);
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(yes, answer(YES)));
            choices.addAll(times(no, answer(NO)));
            choices.addAll(times(abstain, answer(ABSTAIN)));
            return (YesNoAbstainResult) Counting.count(manifest, ManifestCodec.hash(manifest), choices);
        }
    }

    @Nested
    class Approval {

        /**
         * The "Tennessee example" (electowiki, "Effects of different voting systems under similar
         * circumstances", and Wikipedia's article of the same name): 42% of voters near Memphis,
         * 26% Nashville, 15% Chattanooga, 17% Knoxville. With each group approving its two nearest
         * cities (Memphis voters: Memphis, Nashville; Nashville: Nashville, Chattanooga;
         * Chattanooga: Chattanooga, Knoxville; Knoxville: Knoxville, Chattanooga), Nashville wins
         * with 68 approvals, ahead of Chattanooga 58, Memphis 42 and Knoxville 32.
         */
        @Test
        void tennesseeCapital() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(42, approvals("memphis", "nashville")));
            choices.addAll(times(26, approvals("nashville", "chattanooga")));
            choices.addAll(times(15, approvals("chattanooga", "knoxville")));
            choices.addAll(times(17, approvals("knoxville", "chattanooga")));
            ApprovalResult result = count(1, choices);
            assertThat(result.approvals()).containsExactly(Map.entry("memphis", 42L), Map.entry("nashville", 68L),
                    Map.entry("chattanooga", 58L), Map.entry("knoxville", 32L));
            assertThat(result.winners()).containsExactly("nashville");
            assertThat(result.tieBrokenByLot()).isFalse();
            assertThat(result.ballotsCast()).isEqualTo(100);
        }

        @Test
        void twoWinnersAndBlankBallots() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(42, approvals("memphis", "nashville")));
            choices.addAll(times(26, approvals("nashville", "chattanooga")));
            choices.addAll(times(3, approvals()));
            ApprovalResult result = count(2, choices);
            assertThat(result.winners()).containsExactly("nashville", "memphis");
            assertThat(result.ballotsCast()).isEqualTo(71);
        }

        @Test
        void aTieAtTheCutIsBrokenByTheManifestsLotTheSameWayWhateverTheBallotOrder() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(10, approvals("memphis", "nashville")));
            choices.addAll(times(10, approvals("chattanooga")));
            choices.addAll(times(3, approvals("knoxville")));
            ApprovalResult result = count(2, choices);
            assertThat(result.tieBrokenByLot()).isTrue();
            Collections.shuffle(choices, new Random(7));
            assertThat(count(2, choices)).isEqualTo(result);
            BallotManifest manifest = manifest(new CountingMethod.Approval(2));
            String hash = ManifestCodec.hash(manifest);
            List<String> tied = new ArrayList<>(List.of("memphis", "nashville", "chattanooga"));
            tied.sort(new Lot(hash, TENNESSEE).winnerFirst());
            assertThat(result.winners()).containsExactlyElementsOf(tied.subList(0, 2));
        }

        private ApprovalResult count(int winners, List<Choice> choices) {
            BallotManifest manifest = manifest(new CountingMethod.Approval(winners));
            return (ApprovalResult) Counting.count(manifest, ManifestCodec.hash(manifest), choices);
        }
    }

    @Nested
    class InstantRunoff {

        /**
         * The Tennessee example's instant-runoff count (Wikipedia, "Instant-runoff voting" and
         * "Effects of different voting systems under similar circumstances"): Memphis voters
         * rank Memphis, Nashville, Chattanooga, Knoxville (42); Nashville voters Nashville,
         * Chattanooga, Knoxville, Memphis (26); Chattanooga voters Chattanooga, Knoxville,
         * Nashville, Memphis (15); Knoxville voters Knoxville, Chattanooga, Nashville, Memphis
         * (17). Chattanooga (15) is eliminated first, Knoxville rises to 32; Nashville (26) is
         * eliminated next; Knoxville wins 58 to 42.
         */
        @Test
        void tennesseeCapital() {
            RankedResult result = count(tennessee());
            assertThat(result.winners()).containsExactly("knoxville");
            assertThat(result.rounds()).hasSize(3);
            assertThat(votes(result.rounds().get(0))).containsExactly("42", "26", "15", "17");
            assertThat(result.rounds().get(0).excluded()).isEqualTo("chattanooga");
            assertThat(votes(result.rounds().get(1))).containsExactly("42", "26", "0", "32");
            assertThat(result.rounds().get(1).excluded()).isEqualTo("nashville");
            assertThat(votes(result.rounds().get(2))).containsExactly("42", "0", "0", "58");
            assertThat(result.rounds().get(2).elected()).containsExactly("knoxville");
        }

        @Test
        void aMajorityInTheFirstRoundWinsAtOnce() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(51, ranking("memphis")));
            choices.addAll(times(49, ranking("nashville", "memphis")));
            RankedResult result = count(choices);
            assertThat(result.winners()).containsExactly("memphis");
            assertThat(result.rounds()).hasSize(1);
        }

        @Test
        void exhaustedBallotsLeaveTheMajorityOfContinuingVotes() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(40, ranking("memphis")));
            choices.addAll(times(35, ranking("nashville")));
            choices.addAll(times(25, ranking("knoxville")));
            choices.addAll(times(4, ranking()));
            RankedResult result = count(choices);
            // Knoxville's 25 exhaust: Memphis then has 40 of the 75 continuing votes.
            assertThat(result.winners()).containsExactly("memphis");
            assertThat(result.blankBallots()).isEqualTo(4);
            assertThat(result.rounds().get(result.rounds().size() - 1).exhausted()).isEqualTo(Fraction.of(25));
        }

        @Test
        void aTieForLastIsBrokenByThePreviousRounds() {
            List<Choice> tie = new ArrayList<>();
            tie.addAll(times(10, ranking("memphis")));
            tie.addAll(times(7, ranking("nashville")));
            tie.addAll(times(6, ranking("chattanooga")));
            tie.addAll(times(1, ranking("knoxville", "chattanooga")));
            // Round 1: M10 N7 C6 K1, Knoxville out; round 2: M10 N7 C7. Nashville and
            // Chattanooga tie, and Chattanooga had fewer in round 1 (6 < 7): it is excluded.
            RankedResult result = count(tie);
            assertThat(result.rounds().get(0).excluded()).isEqualTo("knoxville");
            assertThat(result.rounds().get(0).tieBrokenBy()).isNull();
            assertThat(result.rounds().get(1).excluded()).isEqualTo("chattanooga");
            assertThat(result.rounds().get(1).tieBrokenBy()).isEqualTo("previous-rounds");
        }

        @Test
        void aTieInEveryRoundIsBrokenByLot() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(10, ranking("memphis")));
            choices.addAll(times(4, ranking("nashville", "memphis")));
            choices.addAll(times(4, ranking("chattanooga", "memphis")));
            choices.addAll(times(9, ranking("knoxville")));
            RankedResult result = count(choices);
            RankedRound first = result.rounds().get(0);
            assertThat(first.tieBrokenBy()).isEqualTo("lot");
            BallotManifest manifest = manifest(new CountingMethod.InstantRunoff());
            List<String> tied = new ArrayList<>(List.of("nashville", "chattanooga"));
            tied.sort(new Lot(ManifestCodec.hash(manifest), TENNESSEE).loserFirst());
            assertThat(first.excluded()).isEqualTo(tied.get(0));
            assertThat(result.winners()).containsExactly("memphis");
        }

        @Test
        void noBallotsNoWinner() {
            assertThat(count(times(3, ranking())).winners()).isEmpty();
        }

        @Test
        void theOrderOfBallotsDoesNotMatter() {
            List<Choice> choices = tennessee();
            String json = CanonicalJson.write(count(choices).toJson());
            Collections.shuffle(choices, new Random(42));
            assertThat(CanonicalJson.write(count(choices).toJson())).isEqualTo(json);
        }

        private RankedResult count(List<Choice> choices) {
            BallotManifest manifest = manifest(new CountingMethod.InstantRunoff());
            return (RankedResult) Counting.count(manifest, ManifestCodec.hash(manifest), choices);
        }
    }

    @Nested
    class SingleTransferableVote {

        private static final List<String> FOOD = List.of("oranges", "pears", "chocolate", "strawberries", "hamburgers");

        /**
         * Wikipedia, "Single transferable vote", the food election example (Droop quota, three
         * seats, 20 voters): 4 Oranges; 2 Pears > Oranges; 8 Chocolate > Strawberries;
         * 4 Chocolate > Hamburgers; 1 Strawberries; 1 Hamburgers. The quota is
         * floor(20 / 4) + 1 = 6. Chocolate (12) is elected and its surplus of 6 goes on at half
         * value: 4 to Strawberries, 2 to Hamburgers. Pears (2) is excluded, its votes elect
         * Oranges with exactly the quota. Hamburgers (3) is excluded and Strawberries (5) takes
         * the last seat. Winners: Chocolate, Oranges, Strawberries.
         */
        @Test
        void wikipediaFoodElection() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(4, ranking("oranges")));
            choices.addAll(times(2, ranking("pears", "oranges")));
            choices.addAll(times(8, ranking("chocolate", "strawberries")));
            choices.addAll(times(4, ranking("chocolate", "hamburgers")));
            choices.addAll(times(1, ranking("strawberries")));
            choices.addAll(times(1, ranking("hamburgers")));
            RankedResult result = count(FOOD, 3, choices);

            assertThat(result.quota()).isEqualTo(6);
            assertThat(result.winners()).containsExactly("chocolate", "oranges", "strawberries");
            List<RankedRound> rounds = result.rounds();
            assertThat(votes(rounds.get(0))).containsExactly("4", "2", "12", "1", "1");
            assertThat(rounds.get(0).elected()).containsExactly("chocolate");
            assertThat(rounds.get(0).surplusOf()).isEqualTo("chocolate");
            assertThat(rounds.get(0).transferred()).isEqualTo(Fraction.of(6));
            assertThat(votes(rounds.get(1))).containsExactly("4", "2", "6", "5", "3");
            assertThat(rounds.get(1).excluded()).isEqualTo("pears");
            assertThat(votes(rounds.get(2))).containsExactly("6", "0", "6", "5", "3");
            assertThat(rounds.get(2).elected()).containsExactly("oranges");
            assertThat(rounds.get(3).excluded()).isEqualTo("hamburgers");
            assertThat(votes(rounds.get(4))).containsExactly("6", "0", "6", "5", "0");
            assertThat(rounds.get(4).exhausted()).isEqualTo(Fraction.of(3));
            assertThat(rounds.get(4).elected()).containsExactly("strawberries");
        }

        /**
         * Wikipedia, "Counting single transferable votes" (and "Droop quota"): two seats,
         * 57 voters: 16 Andrea > Brad > Carter, 24 Andrea > Carter > Brad, 17 Delilah > Andrea.
         * Quota floor(57 / 3) + 1 = 20. Andrea (40) is elected; her surplus of 20 goes on at
         * half value, 8 to Brad and 12 to Carter. Brad (8) is excluded and his transferred votes
         * reach Carter, who has 20 and takes the second seat.
         */
        @Test
        void wikipediaAndreaBradCarterDelilah() {
            List<String> candidates = List.of("andrea", "brad", "carter", "delilah");
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(16, ranking("andrea", "brad", "carter")));
            choices.addAll(times(24, ranking("andrea", "carter", "brad")));
            choices.addAll(times(17, ranking("delilah", "andrea")));
            RankedResult result = count(candidates, 2, choices);
            assertThat(result.quota()).isEqualTo(20);
            assertThat(result.winners()).containsExactly("andrea", "carter");
            assertThat(votes(result.rounds().get(1))).containsExactly("20", "8", "12", "17");
            assertThat(result.rounds().get(1).excluded()).isEqualTo("brad");
            assertThat(votes(result.rounds().get(2))).containsExactly("20", "0", "20", "17");
        }

        @Test
        void surplusesTransferInExactFractionsInclusively() {
            List<String> candidates = List.of("a", "b", "c", "d");
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(7, ranking("a", "b", "c")));
            choices.addAll(times(2, ranking("b", "a", "c")));
            choices.addAll(times(1, ranking("c")));
            choices.addAll(times(1, ranking("d")));
            // 11 ballots, 2 seats: quota floor(11/3)+1 = 4. a: 7, surplus 3 at 3/7 -> b gets 3.
            // b: 2 + 3 = 5, surplus 1 over all of b's ballots (inclusive): factor 1/5; b's own
            // two go to a (elected) -> skip -> c at 2/5; a's seven (weight 3/7) go to c at 3/35 each.
            RankedResult result = count(candidates, 2, choices);
            assertThat(result.winners()).containsExactly("a", "b");
            assertThat(votes(result.rounds().get(1))).containsExactly("4", "5", "1", "1");
        }

        @Test
        void thirdsStayExact() {
            List<String> candidates = List.of("a", "b", "c", "d");
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(6, ranking("a", "b")));
            choices.addAll(times(3, ranking("a", "c")));
            choices.addAll(times(2, ranking("d")));
            choices.addAll(times(1, ranking("c")));
            // 12 ballots, 2 seats: quota 5; a has 9, surplus 4 at 4/9: b gets 24/9 = 8/3, c 12/9 = 4/3.
            RankedResult result = count(candidates, 2, choices);
            assertThat(votes(result.rounds().get(1))).containsExactly("5", "8/3", "7/3", "2");
        }

        @Test
        void fillsTheLastSeatsWhenOnlyThatManyCandidatesContinue() {
            List<Choice> choices = new ArrayList<>();
            choices.addAll(times(3, ranking("oranges")));
            choices.addAll(times(2, ranking("pears")));
            choices.addAll(times(1, ranking("chocolate")));
            RankedResult result = count(FOOD, 2, choices);
            assertThat(result.winners()).containsExactly("oranges", "pears");
        }

        @Test
        void theOrderOfBallotsDoesNotMatter() {
            List<Choice> choices = new ArrayList<>();
            Random random = new Random(3);
            for (int i = 0; i < 500; i++) {
                List<String> shuffled = new ArrayList<>(FOOD);
                Collections.shuffle(shuffled, random);
                choices.add(new Choice.Ranking(shuffled.subList(0, 1 + random.nextInt(FOOD.size()))));
            }
            String json = CanonicalJson.write(count(FOOD, 3, choices).toJson());
            Collections.shuffle(choices, new Random(9));
            assertThat(CanonicalJson.write(count(FOOD, 3, choices).toJson())).isEqualTo(json);
        }

        private RankedResult count(List<String> candidates, int seats, List<Choice> choices) {
            BallotManifest manifest = TestBallots.manifest(new CountingMethod.SingleTransferableVote(seats), candidates,
                    100, SERVER);
            return (RankedResult) Counting.count(manifest, ManifestCodec.hash(manifest), choices);
        }
    }

    private static List<Choice> tennessee() {
        List<Choice> choices = new ArrayList<>();
        choices.addAll(times(42, ranking("memphis", "nashville", "chattanooga", "knoxville")));
        choices.addAll(times(26, ranking("nashville", "chattanooga", "knoxville", "memphis")));
        choices.addAll(times(15, ranking("chattanooga", "knoxville", "nashville", "memphis")));
        choices.addAll(times(17, ranking("knoxville", "chattanooga", "nashville", "memphis")));
        return choices;
    }

    private static BallotManifest manifest(CountingMethod method) {
        return TestBallots.manifest(method, TENNESSEE, 100, SERVER);
    }

    private static List<String> votes(RankedRound round) {
        return round.votes().values().stream().map(Fraction::toString).toList();
    }
}
