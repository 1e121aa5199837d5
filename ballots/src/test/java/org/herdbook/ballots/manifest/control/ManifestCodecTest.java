package org.herdbook.ballots.manifest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Choice;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.Threshold;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

    private static final ServerKey SERVER = ServerKey.generateEd25519();
    private static final List<String> CANDIDATES = List.of("ada", "grace", "linus", "margaret");

    static List<BallotManifest> everyMethod() {
        return List.of(
                TestBallots.yesNo(new Quorum.Count(12), Threshold.MAJORITY, 40, SERVER),
                TestBallots.yesNo(new Quorum.PercentOfRoll(new BigDecimal("33.30")), Threshold.TWO_THIRDS, 40, SERVER),
                TestBallots.manifest(new CountingMethod.Approval(2), CANDIDATES, 40, SERVER),
                TestBallots.manifest(new CountingMethod.InstantRunoff(), CANDIDATES, 40, SERVER),
                TestBallots.manifest(new CountingMethod.SingleTransferableVote(3), CANDIDATES, 40, SERVER));
    }

    @ParameterizedTest
    @MethodSource("everyMethod")
    void readsBackWhatItWritesThroughTextWithTheSameHash(BallotManifest manifest) throws ParseException {
        String text = CanonicalJson.write(ManifestCodec.toJson(manifest));
        Map<String, Object> parsed = JSONObjectUtils.parse(text);
        BallotManifest read = ManifestCodec.fromJson(parsed);
        assertThat(read).isEqualTo(manifest);
        assertThat(ManifestCodec.hash(parsed)).isEqualTo(ManifestCodec.hash(manifest)).hasSize(43);
    }

    @Test
    void writesTheTransferRuleAndTieBreakIntoTheManifest() {
        Map<String, Object> method = JsonMembers.object(ManifestCodec.toJson(everyMethod().get(4)), "method");
        assertThat(method).containsEntry("type", "single-transferable-vote").containsEntry("seats", 3)
                .containsEntry("quota", "droop").containsEntry("transfer", "weighted-inclusive-gregory-exact")
                .containsEntry("tieBreak", "previous-rounds-then-lot");
    }

    @Test
    void theHashChangesWithAnyPartOfTheManifest() {
        BallotManifest a = TestBallots.manifest(new CountingMethod.SingleTransferableVote(2), CANDIDATES, 40, SERVER);
        BallotManifest b = TestBallots.manifest(new CountingMethod.SingleTransferableVote(3), CANDIDATES, 40, SERVER);
        BallotManifest c = TestBallots.manifest(new CountingMethod.SingleTransferableVote(2), CANDIDATES, 41, SERVER);
        assertThat(List.of(ManifestCodec.hash(a), ManifestCodec.hash(b), ManifestCodec.hash(c))).doesNotHaveDuplicates();
    }

    @Test
    void refusesRulesItDoesNotImplement() {
        Map<String, Object> json = ManifestCodec.toJson(everyMethod().get(4));
        json.put("method", Map.of("type", "single-transferable-vote", "seats", 3, "quota", "hare",
                "transfer", "weighted-inclusive-gregory-exact", "tieBreak", "previous-rounds-then-lot"));
        assertThatThrownBy(() -> ManifestCodec.fromJson(json)).hasMessageContaining("quota");
        json.put("method", Map.of("type", "borda"));
        assertThatThrownBy(() -> ManifestCodec.fromJson(json)).hasMessageContaining("borda");
        json.put("format", "herdbook-ballot-manifest/2");
        assertThatThrownBy(() -> ManifestCodec.fromJson(json)).hasMessageContaining("format");
        Map<String, Object> secret = ManifestCodec.toJson(everyMethod().get(0));
        secret.put("mode", "secret");
        assertThatThrownBy(() -> ManifestCodec.fromJson(secret)).hasMessageContaining("mode");
    }

    @Test
    void choicesNameOnlyTheBallotsOptionsOnce() {
        BallotManifest stv = everyMethod().get(4);
        assertThat(ChoiceCodec.parse(stv, Map.of("ranking", List.of("grace", "ada")))).isEqualTo(TestBallots.ranking("grace", "ada"));
        assertThat(ChoiceCodec.parse(stv, Map.of("ranking", List.of()))).isEqualTo(TestBallots.ranking());
        assertThatThrownBy(() -> ChoiceCodec.parse(stv, Map.of("ranking", List.of("grace", "grace")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> ChoiceCodec.parse(stv, Map.of("ranking", List.of("bob")))).hasMessageContaining("option");
        assertThatThrownBy(() -> ChoiceCodec.parse(stv, Map.of("answer", "yes"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChoiceCodec.parse(stv, "ada")).isInstanceOf(IllegalArgumentException.class);
        BallotManifest yesNo = everyMethod().get(0);
        assertThat(ChoiceCodec.parse(yesNo, Map.of("answer", "abstain"))).isEqualTo(new Choice.Answer(Choice.Answer.Value.ABSTAIN));
        assertThatThrownBy(() -> ChoiceCodec.parse(yesNo, Map.of("answer", "YES"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChoiceCodec.parse(everyMethod().get(2), Map.of("approved", List.of()))).isEqualTo(TestBallots.approvals());
    }

    @Test
    void aManifestIsConsistentWhenBuilt() {
        assertThatThrownBy(() -> TestBallots.manifest(new CountingMethod.YesNoAbstain(new Quorum.Count(1), Threshold.MAJORITY),
                List.of("yes", "no"), 10, SERVER)).hasMessageContaining("yes, no, abstain");
        assertThatThrownBy(() -> TestBallots.manifest(new CountingMethod.SingleTransferableVote(4), CANDIDATES, 10, SERVER))
                .hasMessageContaining("seats");
        assertThatThrownBy(() -> new Quorum.PercentOfRoll(new BigDecimal("100.5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
