package org.herdbook.ballots.log.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void agreesWithTheEntryByEntryHashForEveryPrefixOfEveryTreeUpTo70() {
        for (int size = 0; size <= 70; size++) {
            List<byte[]> entries = entries(size);
            MerkleTree tree = MerkleTree.of(entries);
            assertThat(tree.size()).isEqualTo(size);
            for (int prefix = 0; prefix <= size; prefix++) {
                assertThat(tree.rootHash(prefix)).as("size %d prefix %d", size, prefix)
                        .isEqualTo(MerkleTreeHash.rootHash(entries.subList(0, prefix)));
            }
        }
    }

    @Test
    void buildsTheSameAuditPathsAsRfc9162() {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> entries = entries(size);
            MerkleTree tree = MerkleTree.of(entries);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index);
                assertThat(proof).as("size %d index %d", size, index)
                        .containsExactlyElementsOf(MerkleTreeHash.inclusionProof(entries, index));
                assertThat(MerkleTreeHash.verifyInclusion(MerkleTreeHash.leafHash(entries.get(index)), index, size, proof,
                        tree.rootHash())).isTrue();
            }
        }
    }

    private static List<byte[]> entries(int size) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }
}
