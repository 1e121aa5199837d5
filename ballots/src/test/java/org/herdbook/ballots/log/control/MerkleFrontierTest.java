package org.herdbook.ballots.log.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    @Test
    void givesTheRfc9162RootAfterEveryAppend() {
        List<byte[]> entries = new ArrayList<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        assertThat(frontier.rootHash()).isEqualTo(MerkleTreeHash.emptyTreeHash());
        for (int i = 0; i < 130; i++) {
            byte[] entry = ("ballot " + i).getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            frontier = frontier.append(entry);
            assertThat(frontier.size()).isEqualTo(i + 1);
            assertThat(frontier.subtrees()).hasSize(Long.bitCount(i + 1));
            assertThat(frontier.rootHash()).as("size %d", i + 1).isEqualTo(MerkleTreeHash.rootHash(entries));
        }
    }

    @Test
    void restoresFromWhatWasStored() {
        MerkleFrontier growing = MerkleFrontier.empty();
        for (int i = 0; i < 11; i++) {
            growing = growing.append(new byte[] {(byte) i});
        }
        MerkleFrontier frontier = growing;
        MerkleFrontier restored = MerkleFrontier.of(frontier.size(), frontier.subtrees());
        assertThat(restored.append(new byte[] {11}).rootHash()).isEqualTo(frontier.append(new byte[] {11}).rootHash());
        assertThatThrownBy(() -> MerkleFrontier.of(12, frontier.subtrees())).isInstanceOf(IllegalArgumentException.class);
    }
}
