package org.herdbook.ballots.log.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herdbook.ballots.log.control.MerkleTreeHash.consistencyProof;
import static org.herdbook.ballots.log.control.MerkleTreeHash.emptyTreeHash;
import static org.herdbook.ballots.log.control.MerkleTreeHash.inclusionProof;
import static org.herdbook.ballots.log.control.MerkleTreeHash.leafHash;
import static org.herdbook.ballots.log.control.MerkleTreeHash.nodeHash;
import static org.herdbook.ballots.log.control.MerkleTreeHash.rootHash;
import static org.herdbook.ballots.log.control.MerkleTreeHash.verifyConsistency;
import static org.herdbook.ballots.log.control.MerkleTreeHash.verifyInclusion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerkleTreeHashTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Hashes worked out in a shell, independently of this code, e.g. for the one-entry tree of the
     * empty entry: {@code printf '\x00' | sha256sum}; for a node:
     * {@code printf '01%s%s' LEFT RIGHT | xxd -r -p | sha256sum}.
     */
    private static final String SHA256_OF_NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String LEAF_HASH_OF_NOTHING = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";
    private static final String LEAF_HASH_OF_ABC = "609f6e36d2405585188d5cfd761f407c7cc46a7d3f314c88270469dde315fcd1";

    /** The eight entries of the Certificate Transparency reference test trees. */
    private static final List<String> REFERENCE_ENTRIES = List.of(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Shorthand for the RFC 9162 section 2.1.5 example tree of seven entries d0 to d6. */
    private static final List<byte[]> D7 = entries(7);

    @Nested
    class TreeHash {

        @Test
        void matchesHashesWorkedOutInTheShell() {
            assertThat(hex(emptyTreeHash())).isEqualTo(SHA256_OF_NOTHING);
            assertThat(hex(rootHash(List.of()))).isEqualTo(SHA256_OF_NOTHING);
            assertThat(hex(leafHash(new byte[0]))).isEqualTo(LEAF_HASH_OF_NOTHING);
            assertThat(hex(rootHash(List.of(new byte[0])))).isEqualTo(LEAF_HASH_OF_NOTHING);
            assertThat(hex(leafHash("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(LEAF_HASH_OF_ABC);
        }

        @ParameterizedTest(name = "first {0} reference entries")
        @CsvSource({
            "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        })
        void matchesReferenceTreesWorkedOutInTheShell(int size, String expectedRoot) {
            List<byte[]> entries = REFERENCE_ENTRIES.subList(0, size).stream().map(HEX::parseHex).toList();
            assertThat(hex(rootHash(entries))).isEqualTo(expectedRoot);
        }

        @Test
        void matchesTheRecursiveDefinitionForEverySizeUpTo70() {
            for (int size = 0; size <= 70; size++) {
                List<byte[]> entries = entries(size);
                assertThat(rootHash(entries)).as("size %d", size).isEqualTo(Rfc9162.mth(entries));
            }
        }

        @Test
        void nodeHashPrefixesOneToBothChildren() {
            byte[] left = leafHash(bytes("left"));
            byte[] right = leafHash(bytes("right"));
            assertThat(nodeHash(left, right)).isEqualTo(Rfc9162.sha256(new byte[] {1}, left, right));
            assertThat(nodeHash(left, right)).isNotEqualTo(nodeHash(right, left));
        }

        @Test
        void anEntryCannotPassForASubtree() {
            List<byte[]> two = List.of(bytes("a"), bytes("b"));
            byte[] forged = Rfc9162.concat(leafHash(bytes("a")), leafHash(bytes("b")));
            assertThat(rootHash(List.<byte[]>of(forged))).isNotEqualTo(rootHash(two));
            assertThat(leafHash(Rfc9162.concat(new byte[] {1}, forged))).isNotEqualTo(rootHash(two));
        }

        @Test
        void dependsOnEveryEntryAndItsPlace() {
            List<byte[]> entries = entries(9);
            List<byte[]> swapped = new ArrayList<>(entries);
            Collections.swap(swapped, 3, 4);
            assertThat(rootHash(swapped)).isNotEqualTo(rootHash(entries));
            assertThat(rootHash(entries.subList(0, 8))).isNotEqualTo(rootHash(entries));
        }

        @Test
        void leavesItsArgumentsAlone() {
            byte[] entry = bytes("ballot");
            byte[] copy = entry.clone();
            leafHash(entry);
            rootHash(List.of(entry, entry));
            assertThat(entry).isEqualTo(copy);
        }

        @Test
        void refusesNulls() {
            assertThatThrownBy(() -> leafHash(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("entry");
            assertThatThrownBy(() -> rootHash(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("entries");
            assertThatThrownBy(() -> rootHash(Arrays.asList(bytes("a"), null)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("entry 1");
            assertThatThrownBy(() -> nodeHash(null, new byte[32])).isInstanceOf(NullPointerException.class).hasMessageContaining("left");
            assertThatThrownBy(() -> nodeHash(new byte[32], null)).isInstanceOf(NullPointerException.class).hasMessageContaining("right");
        }
    }

    @Nested
    class Inclusion {

        @Test
        void buildsTheAuditPathsOfTheRfcExample() {
            Rfc9162Example tree = new Rfc9162Example();
            assertThat(inclusionProof(D7, 0)).containsExactly(tree.b, tree.h, tree.l);
            assertThat(inclusionProof(D7, 3)).containsExactly(tree.c, tree.g, tree.l);
            assertThat(inclusionProof(D7, 4)).containsExactly(tree.f, tree.j, tree.k);
            assertThat(inclusionProof(D7, 6)).containsExactly(tree.i, tree.k);
        }

        @Test
        void aTreeOfOneEntryNeedsNoPath() {
            List<byte[]> one = entries(1);
            assertThat(inclusionProof(one, 0)).isEmpty();
            assertThat(verifyInclusion(leafHash(one.get(0)), 0, 1, List.of(), rootHash(one))).isTrue();
        }

        @Test
        void provesEveryEntryOfEveryTreeOfOneToSeventeenEntries() {
            for (int size = 1; size <= 17; size++) {
                List<byte[]> entries = entries(size);
                byte[] root = Rfc9162.mth(entries);
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = inclusionProof(entries, index);
                    assertThat(proof).as("size %d index %d", size, index).containsExactlyElementsOf(Rfc9162.path(index, entries));
                    assertThat(verifyInclusion(leafHash(entries.get(index)), index, size, proof, root))
                            .as("size %d index %d", size, index).isTrue();
                }
            }
        }

        @Test
        void refusesAProofForAnotherIndex() {
            for (int size = 2; size <= 17; size++) {
                List<byte[]> entries = entries(size);
                byte[] root = rootHash(entries);
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = inclusionProof(entries, index);
                    byte[] leaf = leafHash(entries.get(index));
                    for (int other = 0; other < size; other++) {
                        if (other != index) {
                            assertThat(verifyInclusion(leaf, other, size, proof, root))
                                    .as("size %d index %d claimed %d", size, index, other).isFalse();
                        }
                    }
                    assertThat(verifyInclusion(leafHash(entries.get((index + 1) % size)), index, size, proof, root))
                            .as("another entry at size %d index %d", size, index).isFalse();
                }
            }
        }

        @Test
        void refusesAProofAgainstTheTreeHeadOfAnotherSize() {
            for (int size = 1; size <= 17; size++) {
                List<byte[]> entries = entries(17);
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = inclusionProof(entries.subList(0, size), index);
                    byte[] leaf = leafHash(entries.get(index));
                    for (int otherSize = index + 1; otherSize <= 17; otherSize++) {
                        if (otherSize != size) {
                            byte[] otherRoot = rootHash(entries.subList(0, otherSize));
                            assertThat(verifyInclusion(leaf, index, otherSize, proof, otherRoot))
                                    .as("size %d index %d claimed size %d", size, index, otherSize).isFalse();
                        }
                    }
                }
            }
        }

        @Test
        void refusesTamperedProofs() {
            for (int size = 2; size <= 17; size++) {
                List<byte[]> entries = entries(size);
                byte[] root = rootHash(entries);
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = inclusionProof(entries, index);
                    byte[] leaf = leafHash(entries.get(index));
                    String where = "size " + size + " index " + index;
                    for (int element = 0; element < proof.size(); element++) {
                        assertThat(verifyInclusion(leaf, index, size, flipBit(proof, element), root)).as(where).isFalse();
                    }
                    assertThat(verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root)).as(where).isFalse();
                    assertThat(verifyInclusion(leaf, index, size, append(proof, root), root)).as(where).isFalse();
                    assertThat(verifyInclusion(leaf, index, size, List.of(), root)).as(where).isFalse();
                    if (proof.size() > 1) {
                        List<byte[]> reversed = new ArrayList<>(proof);
                        Collections.reverse(reversed);
                        assertThat(verifyInclusion(leaf, index, size, reversed, root)).as(where).isFalse();
                    }
                    assertThat(verifyInclusion(entries.get(index), index, size, proof, root)).as(where).isFalse();
                    assertThat(verifyInclusion(leaf, index, size, proof, flipBit(List.of(root), 0).get(0))).as(where).isFalse();
                }
            }
        }

        @Test
        void refusesImpossibleIndexesAndSizes() {
            List<byte[]> entries = entries(5);
            byte[] root = rootHash(entries);
            byte[] leaf = leafHash(entries.get(4));
            List<byte[]> proof = inclusionProof(entries, 4);
            assertThat(verifyInclusion(leaf, 4, 5, proof, root)).isTrue();
            assertThat(verifyInclusion(leaf, 5, 5, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, -1, 5, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, 4, 4, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, 4, 0, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, 4, -5, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, 4, Long.MAX_VALUE, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, 0, 0, List.of(), emptyTreeHash())).isFalse();
        }

        @Test
        void refusesARootPresentedWithALargerTreeSizeThanItWasSignedWith() {
            List<byte[]> entries = entries(4);
            byte[] root = rootHash(entries);
            List<byte[]> proof = inclusionProof(entries, 0);
            assertThat(verifyInclusion(leafHash(entries.get(0)), 0, 4, proof, root)).isTrue();
            assertThat(verifyInclusion(leafHash(entries.get(0)), 0, 5, proof, root)).isFalse();
            assertThat(verifyInclusion(leafHash(entries.get(0)), 0, 8, proof, root)).isFalse();
        }

        @Test
        void refusesHashesOfTheWrongLength() {
            List<byte[]> entries = entries(4);
            byte[] root = rootHash(entries);
            byte[] leaf = leafHash(entries.get(1));
            List<byte[]> proof = inclusionProof(entries, 1);
            List<byte[]> shortElement = new ArrayList<>(proof);
            shortElement.set(0, Arrays.copyOf(proof.get(0), 31));
            assertThat(verifyInclusion(leaf, 1, 4, shortElement, root)).isFalse();
            assertThat(verifyInclusion(Arrays.copyOf(leaf, 33), 1, 4, proof, root)).isFalse();
            assertThat(verifyInclusion(leaf, 1, 4, proof, Arrays.copyOf(root, 31))).isFalse();
            assertThat(verifyInclusion(leaf, 1, 4, Arrays.asList(proof.get(0), null), root)).isFalse();
        }

        @Test
        void refusesBadRequestsForProofs() {
            List<byte[]> entries = entries(3);
            assertThatThrownBy(() -> inclusionProof(entries, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> inclusionProof(entries, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> inclusionProof(List.of(), 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> inclusionProof(null, 0)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> inclusionProof(Arrays.asList(bytes("a"), null), 0)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> verifyInclusion(null, 0, 1, List.of(), new byte[32])).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> verifyInclusion(new byte[32], 0, 1, null, new byte[32])).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> verifyInclusion(new byte[32], 0, 1, List.of(), null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void returnsAProofTheCallerCannotChangeUnderTheLog() {
            List<byte[]> proof = inclusionProof(entries(4), 0);
            assertThatThrownBy(() -> proof.add(new byte[32])).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Consistency {

        @Test
        void buildsTheProofsOfTheRfcExample() {
            Rfc9162Example tree = new Rfc9162Example();
            assertThat(consistencyProof(D7, 3)).containsExactly(tree.c, tree.d, tree.g, tree.l);
            assertThat(consistencyProof(D7, 4)).containsExactly(tree.l);
            assertThat(consistencyProof(D7, 6)).containsExactly(tree.i, tree.j, tree.k);
        }

        @Test
        void provesEveryEarlierSizeOfEveryTreeOfOneToSeventeenEntries() {
            List<byte[]> all = entries(17);
            for (int second = 1; second <= 17; second++) {
                List<byte[]> entries = all.subList(0, second);
                byte[] secondRoot = Rfc9162.mth(entries);
                for (int first = 0; first <= second; first++) {
                    List<byte[]> proof = consistencyProof(entries, first);
                    String where = first + " -> " + second;
                    assertThat(proof).as(where).containsExactlyElementsOf(Rfc9162.proof(first, entries));
                    assertThat(verifyConsistency(first, second, proof, Rfc9162.mth(all.subList(0, first)), secondRoot))
                            .as(where).isTrue();
                }
            }
        }

        @Test
        void refusesTamperedProofsAndRoots() {
            List<byte[]> all = entries(17);
            for (int second = 2; second <= 17; second++) {
                byte[] secondRoot = rootHash(all.subList(0, second));
                for (int first = 1; first < second; first++) {
                    List<byte[]> proof = consistencyProof(all.subList(0, second), first);
                    byte[] firstRoot = rootHash(all.subList(0, first));
                    String where = first + " -> " + second;
                    for (int element = 0; element < proof.size(); element++) {
                        assertThat(verifyConsistency(first, second, flipBit(proof, element), firstRoot, secondRoot)).as(where).isFalse();
                    }
                    assertThat(verifyConsistency(first, second, proof.subList(0, proof.size() - 1), firstRoot, secondRoot)).as(where).isFalse();
                    assertThat(verifyConsistency(first, second, append(proof, secondRoot), firstRoot, secondRoot)).as(where).isFalse();
                    assertThat(verifyConsistency(first, second, proof, flipBit(List.of(firstRoot), 0).get(0), secondRoot)).as(where).isFalse();
                    assertThat(verifyConsistency(first, second, proof, firstRoot, flipBit(List.of(secondRoot), 0).get(0))).as(where).isFalse();
                    assertThat(verifyConsistency(first, second, proof, secondRoot, firstRoot)).as(where).isFalse();
                    assertThat(verifyConsistency(second, first, proof, secondRoot, firstRoot)).as(where).isFalse();
                }
            }
        }

        @Test
        void refusesAProofAgainstAnotherSize() {
            List<byte[]> all = entries(17);
            for (int second = 2; second <= 17; second++) {
                byte[] secondRoot = rootHash(all.subList(0, second));
                for (int first = 1; first < second; first++) {
                    List<byte[]> proof = consistencyProof(all.subList(0, second), first);
                    byte[] firstRoot = rootHash(all.subList(0, first));
                    for (int claimed = 1; claimed <= 17; claimed++) {
                        if (claimed != second) {
                            assertThat(verifyConsistency(first, claimed, proof, firstRoot, rootHash(all.subList(0, claimed))))
                                    .as("%d -> %d claimed as %d -> %d", first, second, first, claimed).isFalse();
                        }
                        if (claimed != first) {
                            assertThat(verifyConsistency(claimed, second, proof, rootHash(all.subList(0, claimed)), secondRoot))
                                    .as("%d -> %d claimed as %d -> %d", first, second, claimed, second).isFalse();
                        }
                    }
                }
            }
        }

        @Test
        void refusesARootPresentedWithALargerTreeSizeThanItWasSignedWith() {
            List<byte[]> entries = entries(8);
            byte[] firstRoot = rootHash(entries.subList(0, 4));
            byte[] secondRoot = rootHash(entries);
            List<byte[]> proof = consistencyProof(entries, 4);
            assertThat(verifyConsistency(4, 8, proof, firstRoot, secondRoot)).isTrue();
            assertThat(verifyConsistency(4, 12, proof, firstRoot, secondRoot)).isFalse();
            assertThat(verifyConsistency(4, 16, proof, firstRoot, secondRoot)).isFalse();
        }

        @Test
        void refusesAHistoryThatWasRewritten() {
            List<byte[]> original = entries(8);
            List<byte[]> rewritten = new ArrayList<>(original);
            rewritten.set(2, bytes("a different ballot"));
            List<byte[]> proof = consistencyProof(rewritten, 5);
            assertThat(verifyConsistency(5, 8, proof, rootHash(original.subList(0, 5)), rootHash(rewritten))).isFalse();
        }

        @Test
        void settlesEqualAndEmptyTreesAsTheDefinitionsImply() {
            List<byte[]> entries = entries(6);
            byte[] root = rootHash(entries);
            assertThat(verifyConsistency(6, 6, List.of(), root, root)).isTrue();
            assertThat(verifyConsistency(6, 6, List.of(root), root, root)).isFalse();
            assertThat(verifyConsistency(6, 6, List.of(), root, rootHash(entries(7)))).isFalse();
            assertThat(verifyConsistency(0, 6, List.of(), emptyTreeHash(), root)).isTrue();
            assertThat(verifyConsistency(0, 6, List.of(), root, root)).isFalse();
            assertThat(verifyConsistency(0, 6, List.of(root), emptyTreeHash(), root)).isFalse();
            assertThat(verifyConsistency(0, 0, List.of(), emptyTreeHash(), emptyTreeHash())).isTrue();
            assertThat(verifyConsistency(-1, 6, List.of(), emptyTreeHash(), root)).isFalse();
            assertThat(verifyConsistency(3, 6, List.of(), rootHash(entries.subList(0, 3)), root)).isFalse();
        }

        @Test
        void refusesHashesOfTheWrongLength() {
            List<byte[]> entries = entries(6);
            List<byte[]> proof = consistencyProof(entries, 3);
            byte[] firstRoot = rootHash(entries.subList(0, 3));
            byte[] secondRoot = rootHash(entries);
            List<byte[]> longElement = new ArrayList<>(proof);
            longElement.set(1, Arrays.copyOf(proof.get(1), 33));
            assertThat(verifyConsistency(3, 6, proof, firstRoot, secondRoot)).isTrue();
            assertThat(verifyConsistency(3, 6, longElement, firstRoot, secondRoot)).isFalse();
            assertThat(verifyConsistency(3, 6, proof, Arrays.copyOf(firstRoot, 31), secondRoot)).isFalse();
            assertThat(verifyConsistency(3, 6, proof, firstRoot, new byte[0])).isFalse();
            assertThat(verifyConsistency(3, 6, Arrays.asList(proof.get(0), null), firstRoot, secondRoot)).isFalse();
        }

        @Test
        void refusesBadRequestsForProofs() {
            List<byte[]> entries = entries(3);
            assertThat(consistencyProof(entries, 0)).isEmpty();
            assertThat(consistencyProof(entries, 3)).isEmpty();
            assertThatThrownBy(() -> consistencyProof(entries, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> consistencyProof(entries, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> consistencyProof(null, 0)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> verifyConsistency(1, 2, null, new byte[32], new byte[32])).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> verifyConsistency(1, 2, List.of(), null, new byte[32])).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> verifyConsistency(1, 2, List.of(), new byte[32], null)).isInstanceOf(NullPointerException.class);
        }
    }

    /**
     * The tree of RFC 9162 section 2.1.5, built node by node from its figure: leaves a to f and j
     * over entries d0 to d6, g = (a, b), h = (c, d), i = (e, f), k = (g, h), l = (i, j).
     */
    private static final class Rfc9162Example {
        final byte[] a = leafHash(D7.get(0));
        final byte[] b = leafHash(D7.get(1));
        final byte[] c = leafHash(D7.get(2));
        final byte[] d = leafHash(D7.get(3));
        final byte[] e = leafHash(D7.get(4));
        final byte[] f = leafHash(D7.get(5));
        final byte[] j = leafHash(D7.get(6));
        final byte[] g = Rfc9162.sha256(new byte[] {1}, a, b);
        final byte[] h = Rfc9162.sha256(new byte[] {1}, c, d);
        final byte[] i = Rfc9162.sha256(new byte[] {1}, e, f);
        final byte[] k = Rfc9162.sha256(new byte[] {1}, g, h);
        final byte[] l = Rfc9162.sha256(new byte[] {1}, i, j);
    }

    /**
     * RFC 9162's definitions transcribed literally onto list slices, as a yardstick for the
     * production code: no shared helpers, a different way of finding the split, and every subtree
     * hashed from scratch.
     */
    private static final class Rfc9162 {

        static byte[] mth(List<byte[]> d) {
            int n = d.size();
            if (n == 0) {
                return sha256();
            }
            if (n == 1) {
                return sha256(new byte[] {0}, d.get(0));
            }
            int k = largestPowerOfTwoBelow(n);
            return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            int n = d.size();
            List<byte[]> out = new ArrayList<>();
            if (n == 1) {
                return out;
            }
            int k = largestPowerOfTwoBelow(n);
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, n)));
            } else {
                out.addAll(path(m - k, d.subList(k, n)));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return m == 0 ? List.of() : subproof(m, d, true);
        }

        private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            int n = d.size();
            List<byte[]> out = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    out.add(mth(d));
                }
                return out;
            }
            int k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                out.addAll(subproof(m, d.subList(0, k), b));
                out.add(mth(d.subList(k, n)));
            } else {
                out.addAll(subproof(m - k, d.subList(k, n), false));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        private static int largestPowerOfTwoBelow(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }

        static byte[] sha256(byte[]... parts) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(concat(parts));
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] joined = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, joined, at, part.length);
                at += part.length;
            }
            return joined;
        }
    }

    /** Distinct entries shaped like ballot identifiers: 32 bytes each. */
    private static List<byte[]> entries(int count) {
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(Rfc9162.sha256(bytes("ballot " + i)));
        }
        return List.copyOf(entries);
    }

    private static List<byte[]> flipBit(List<byte[]> hashes, int element) {
        List<byte[]> tampered = new ArrayList<>(hashes);
        byte[] changed = hashes.get(element).clone();
        changed[changed.length - 1] ^= 1;
        tampered.set(element, changed);
        return tampered;
    }

    private static List<byte[]> append(List<byte[]> hashes, byte[] extra) {
        List<byte[]> longer = new ArrayList<>(hashes);
        longer.add(extra);
        return longer;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }
}
