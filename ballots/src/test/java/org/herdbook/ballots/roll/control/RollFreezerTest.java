package org.herdbook.ballots.roll.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;
import org.herdbook.ballots.roll.entity.FrozenRoll;
import org.herdbook.ballots.roll.entity.RollEntry;
import org.junit.jupiter.api.Test;

class RollFreezerTest {

    private static final URI BALLOT = URI.create("https://herdbook.example/ballots/one");
    private static final List<String> MEMBERS = IntStream.range(0, 13).mapToObj(i -> "member-" + i).toList();

    @Test
    void everyMemberCanProveBeingOnTheRollWithTheirSalt() {
        FrozenRoll roll = RollFreezer.freeze(BALLOT, MEMBERS, new SecureRandom());
        assertThat(roll.digest().size()).isEqualTo(13);
        for (String member : MEMBERS) {
            RollEntry entry = roll.entry(member).orElseThrow();
            byte[] salt = Base64URL.from(entry.salt()).decode();
            int index = RollFreezer.indexOf(roll, member);
            List<byte[]> proof = RollFreezer.proof(roll, member);
            assertThat(RollFreezer.isOnRoll(roll.digest(), BALLOT, member, salt, index, proof)).as(member).isTrue();
            assertThat(RollFreezer.isOnRoll(roll.digest(), BALLOT, member, new byte[32], index, proof)).isFalse();
            assertThat(RollFreezer.isOnRoll(roll.digest(), URI.create("https://herdbook.example/ballots/two"), member, salt,
                    index, proof)).isFalse();
            assertThat(RollFreezer.isOnRoll(roll.digest(), BALLOT, "someone-else", salt, index, proof)).isFalse();
        }
    }

    @Test
    void theRootRevealsNothingStableAboutWhoIsOnTheRoll() {
        FrozenRoll first = RollFreezer.freeze(BALLOT, MEMBERS, new SecureRandom());
        FrozenRoll second = RollFreezer.freeze(BALLOT, MEMBERS, new SecureRandom());
        assertThat(first.digest().rootHash()).isNotEqualTo(second.digest().rootHash());
        assertThat(first.entries()).extracting(RollEntry::salt).doesNotHaveDuplicates();
        assertThat(first.entries()).extracting(RollEntry::commitment)
                .isSortedAccordingTo((a, b) -> java.util.Arrays.compareUnsigned(Base64URL.from(a).decode(),
                        Base64URL.from(b).decode()));
    }

    @Test
    void countsEachMemberOnceAndAllowsAnEmptyRoll() {
        assertThat(RollFreezer.freeze(BALLOT, List.of("a", "b", "a"), new SecureRandom()).digest().size()).isEqualTo(2);
        assertThat(RollFreezer.freeze(BALLOT, List.of(), new SecureRandom()).digest().size()).isZero();
    }
}
