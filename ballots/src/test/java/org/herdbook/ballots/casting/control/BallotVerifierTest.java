package org.herdbook.ballots.casting.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herdbook.ballots.TestBallots.answer;
import static org.herdbook.ballots.TestBallots.claims;
import static org.herdbook.ballots.manifest.entity.Choice.Answer.Value.NO;
import static org.herdbook.ballots.manifest.entity.Choice.Answer.Value.YES;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.herdbook.ballots.TestBallotBox;
import org.herdbook.ballots.TestBallots;
import org.herdbook.ballots.TestBallots.VoterKey;
import org.herdbook.ballots.casting.entity.BallotRejectedException;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.casting.entity.VerifiedBallot;
import org.herdbook.ballots.keys.control.ServerKey;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.Quorum;
import org.herdbook.ballots.manifest.entity.Threshold;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input refused with its own reason, for an Ed25519 and a P-256 voter alike. */
class BallotVerifierTest {

    private static final ServerKey SERVER = ServerKey.generateEd25519();
    private static final BallotManifest MANIFEST = TestBallots.yesNo(new Quorum.Count(1), Threshold.MAJORITY, 10, SERVER);

    private TestBallotBox box;

    static Stream<VoterKey> voters() {
        return Stream.of(VoterKey.ed25519(), VoterKey.es256());
    }

    @BeforeEach
    void openBallot() {
        box = new TestBallotBox(MANIFEST, SERVER);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void acceptsAWellFormedVoteAndIdentifiesItByItsSigningInput(VoterKey voter) throws Exception {
        box.register("member-1", voter);
        String vote = voter.sign(claims(MANIFEST, answer(YES), 1));
        BallotReceipt receipt = box.cast(vote);
        VerifiedBallot accepted = box.accepted().get(0);
        String signingInput = vote.substring(0, vote.lastIndexOf('.'));
        assertThat(accepted.ballotId()).isEqualTo(BallotFormat.ballotId(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertThat(accepted.choice()).isEqualTo(answer(YES));
        assertThat(accepted.kid()).isEqualTo(voter.kid());
        assertThat(accepted.voterRef()).isEqualTo("member-1");
        assertThat(receipt.leafIndex()).isZero();
        assertThat(receipt.ballotId()).isEqualTo(accepted.ballotId());
    }

    @ParameterizedTest
    @MethodSource("voters")
    void acceptsTheFullySpecifiedAlgorithmNameAndAnAudienceArray(VoterKey voter) throws Exception {
        box.register("member-1", voter);
        Map<String, Object> claims = claims(MANIFEST, answer(NO), 1);
        claims.put("aud", List.of(MANIFEST.ballot().toString()));
        JWSAlgorithm alg = voter.alg() == JWSAlgorithm.EdDSA ? JWSAlgorithm.Ed25519 : JWSAlgorithm.ES256;
        box.cast(voter.sign(header(alg, voter.kid()).build(), claims));
        assertThat(box.accepted()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAlgNone(VoterKey voter) {
        box.register("member-1", voter);
        Map<String, Object> header = Map.of("alg", "none", "typ", "vote+jwt", "kid", voter.kid());
        String unsigned = TestBallots.rawJws(header, claims(MANIFEST, answer(YES), 1), new byte[0]);
        assertRejected(() -> box.cast(unsigned), Rejection.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesHs256EvenKeyedWithThePublicKey(VoterKey voter) throws JOSEException {
        box.register("member-1", voter);
        // The classic confusion attack: an HMAC keyed with bytes the attacker knows.
        byte[] secret = JSONObjectUtils.toJSONString(voter.publicKey().toJSONObject()).getBytes(StandardCharsets.UTF_8);
        JWSObject hmac = new JWSObject(header(JWSAlgorithm.HS256, voter.kid()).build(),
                new Payload(JSONObjectUtils.toJSONString(claims(MANIFEST, answer(YES), 1))));
        hmac.sign(new MACSigner(secret));
        assertRejected(() -> box.cast(hmac.serialize()), Rejection.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAKeyNotRegistered(VoterKey voter) {
        box.register("member-1", voter);
        VoterKey stranger = VoterKey.ed25519();
        assertRejected(() -> box.cast(stranger.sign(claims(MANIFEST, answer(YES), 1))), Rejection.UNKNOWN_KEY);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAKeyEmbeddedInTheHeaderEvenWhenItSignedTheVote(VoterKey voter) {
        VoterKey attacker = VoterKey.ed25519();
        box.register("member-1", voter);
        JWSHeader withJwk = header(attacker.alg(), voter.kid()).jwk(attacker.publicKey()).build();
        assertRejected(() -> box.cast(attacker.sign(withJwk, claims(MANIFEST, answer(YES), 1))), Rejection.EMBEDDED_KEY);
        JWSHeader withJku = header(voter.alg(), voter.kid()).jwkURL(URI.create("https://attacker.example/jwks")).build();
        assertRejected(() -> box.cast(voter.sign(withJku, claims(MANIFEST, answer(YES), 1))), Rejection.EMBEDDED_KEY);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesASignatureByAnotherKeyUnderTheRegisteredKid(VoterKey voter) {
        box.register("member-1", voter);
        VoterKey other = voter.alg() == JWSAlgorithm.EdDSA ? VoterKey.ed25519() : VoterKey.es256();
        String forged = other.sign(header(other.alg(), voter.kid()).build(), claims(MANIFEST, answer(YES), 1));
        assertRejected(() -> box.cast(forged), Rejection.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAnAlgorithmThatIsNotTheRegisteredKeys(VoterKey voter) {
        box.register("member-1", voter);
        VoterKey other = voter.alg() == JWSAlgorithm.EdDSA ? VoterKey.es256() : VoterKey.ed25519();
        String mismatched = other.sign(header(other.alg(), voter.kid()).build(), claims(MANIFEST, answer(YES), 1));
        assertRejected(() -> box.cast(mismatched), Rejection.KEY_ALGORITHM_MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesATamperedPayload(VoterKey voter) {
        box.register("member-1", voter);
        String vote = voter.sign(claims(MANIFEST, answer(NO), 1));
        String[] parts = vote.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("\"no\"", "\"yes\"");
        assertThat(payload).contains("\"yes\"");
        String tampered = parts[0] + "." + TestBallots.b64(payload) + "." + parts[2];
        assertRejected(() -> box.cast(tampered), Rejection.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesASignatureAlteredInPlace(VoterKey voter) {
        box.register("member-1", voter);
        String vote = voter.sign(claims(MANIFEST, answer(YES), 1));
        String[] parts = vote.split("\\.");
        byte[] signature = Base64URL.from(parts[2]).decode();
        signature[signature.length / 2] ^= 0x01;
        String altered = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
        assertRejected(() -> box.cast(altered), Rejection.BAD_SIGNATURE);
        String truncated = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[signature.length - 1]);
        assertRejected(() -> box.cast(truncated), Rejection.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAReplayedJti(VoterKey voter) throws Exception {
        box.register("member-1", voter);
        String vote = voter.sign(claims(MANIFEST, answer(YES), 1));
        box.cast(vote);
        assertRejected(() -> box.cast(vote), Rejection.REPLAYED);
        Map<String, Object> sameJti = claims(MANIFEST, answer(NO), 2);
        sameJti.put("jti", box.accepted().get(0).jti());
        assertRejected(() -> box.cast(voter.sign(sameJti)), Rejection.REPLAYED);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void acceptsRevotesWithAHigherSeqOnlyAndCountsTheLatest(VoterKey voter) throws Exception {
        box.register("member-1", voter);
        box.cast(voter.sign(claims(MANIFEST, answer(YES), 1)));
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(NO), 0))), Rejection.STALE_SEQUENCE);
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(NO), 1))), Rejection.STALE_SEQUENCE);
        box.cast(voter.sign(claims(MANIFEST, answer(NO), 5)));
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(YES), 4))), Rejection.STALE_SEQUENCE);
        assertThat(box.accepted()).extracting(VerifiedBallot::seq).containsExactly(1L, 5L);
        assertThat(box.close().tally()).containsEntry("yes", 0L).containsEntry("no", 1L);
        assertThat(box.close().ballots()).extracting(e -> e.superseded()).containsExactly(true, false);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesVotesOutsideTheWindowByTheServersClock(VoterKey voter) throws Exception {
        box.register("member-1", voter);
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(YES), 1)), TestBallots.OPENS.minusSeconds(1)),
                Rejection.NOT_OPEN);
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(YES), 1)), TestBallots.CLOSES), Rejection.CLOSED);
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(YES), 1)), TestBallots.CLOSES.plusSeconds(3600)),
                Rejection.CLOSED);
        box.cast(voter.sign(claims(MANIFEST, answer(YES), 1)), TestBallots.OPENS);
        box.cast(voter.sign(claims(MANIFEST, answer(YES), 2)), TestBallots.CLOSES.minusMillis(1));
        assertThat(box.accepted()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAMemberNotOnTheRoll(VoterKey voter) {
        box.registerOffRoll("member-9", voter);
        assertRejected(() -> box.cast(voter.sign(claims(MANIFEST, answer(YES), 1))), Rejection.NOT_ON_ROLL);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesMalformedVotes(VoterKey voter) {
        box.register("member-1", voter);
        String vote = voter.sign(claims(MANIFEST, answer(YES), 1));
        String[] parts = vote.split("\\.");
        for (String malformed : List.of("", "not a jws", "a.b", vote + ".extra", vote.replace('.', ' '),
                "e30." + parts[1] + "." + parts[2], "!!!." + parts[1] + "." + parts[2],
                TestBallots.b64("[1,2]") + "." + parts[1] + "." + parts[2],
                parts[0] + "==." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "/." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2] + "+", parts[0] + "." + parts[1] + "\u00e9." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2] + "=")) {
            assertRejected(() -> box.cast(malformed), Rejection.MALFORMED);
        }
        JWSHeader noKid = new JWSHeader.Builder(voter.alg()).type(new JOSEObjectType("vote+jwt")).build();
        assertRejected(() -> box.cast(voter.sign(noKid, claims(MANIFEST, answer(YES), 1))), Rejection.MALFORMED);
        JWSHeader critical = header(voter.alg(), voter.kid()).criticalParams(Set.of("exp")).build();
        assertRejected(() -> box.cast(voter.sign(critical, claims(MANIFEST, answer(YES), 1))), Rejection.MALFORMED);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesOversizedVotesBeforeParsingThem(VoterKey voter) {
        box.register("member-1", voter);
        Map<String, Object> claims = claims(MANIFEST, answer(YES), 1);
        claims.put("padding", "x".repeat(BallotFormat.MAX_LENGTH));
        assertRejected(() -> box.cast(voter.sign(claims)), Rejection.OVERSIZED);
        assertRejected(() -> box.cast("a".repeat(1_000_000)), Rejection.OVERSIZED);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAnotherType(VoterKey voter) {
        box.register("member-1", voter);
        JWSHeader jwt = new JWSHeader.Builder(voter.alg()).type(JOSEObjectType.JWT).keyID(voter.kid()).build();
        assertRejected(() -> box.cast(voter.sign(jwt, claims(MANIFEST, answer(YES), 1))), Rejection.WRONG_TYPE);
        JWSHeader untyped = new JWSHeader.Builder(voter.alg()).keyID(voter.kid()).build();
        assertRejected(() -> box.cast(voter.sign(untyped, claims(MANIFEST, answer(YES), 1))), Rejection.WRONG_TYPE);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesVotesForAnotherBallotOrManifest(VoterKey voter) {
        box.register("member-1", voter);
        Map<String, Object> otherBallot = claims(MANIFEST, answer(YES), 1);
        otherBallot.put("aud", "https://herdbook.example/ballots/another");
        assertRejected(() -> box.cast(voter.sign(otherBallot)), Rejection.WRONG_BALLOT);
        Map<String, Object> noAudience = claims(MANIFEST, answer(YES), 1);
        noAudience.remove("aud");
        assertRejected(() -> box.cast(voter.sign(noAudience)), Rejection.WRONG_BALLOT);
        Map<String, Object> otherManifest = claims(MANIFEST, answer(YES), 1);
        otherManifest.put("manifestHash", Base64URL.encode(new byte[32]).toString());
        assertRejected(() -> box.cast(voter.sign(otherManifest)), Rejection.WRONG_MANIFEST);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesMissingOrIllTypedClaims(VoterKey voter) {
        box.register("member-1", voter);
        for (String claim : List.of("jti", "iat", "seq", "choice")) {
            Map<String, Object> missing = claims(MANIFEST, answer(YES), 1);
            missing.remove(claim);
            assertRejected(() -> box.cast(voter.sign(missing)), Rejection.INVALID_CLAIMS);
        }
        Map<String, Object> shortJti = claims(MANIFEST, answer(YES), 1);
        shortJti.put("jti", "1");
        assertRejected(() -> box.cast(voter.sign(shortJti)), Rejection.INVALID_CLAIMS);
        Map<String, Object> negative = claims(MANIFEST, answer(YES), 1);
        negative.put("seq", -1);
        assertRejected(() -> box.cast(voter.sign(negative)), Rejection.INVALID_CLAIMS);
        Map<String, Object> textSeq = claims(MANIFEST, answer(YES), 1);
        textSeq.put("seq", "2");
        assertRejected(() -> box.cast(voter.sign(textSeq)), Rejection.INVALID_CLAIMS);
    }

    @ParameterizedTest
    @MethodSource("voters")
    void refusesAChoiceTheBallotDoesNotOffer(VoterKey voter) {
        box.register("member-1", voter);
        Map<String, Object> claims = claims(MANIFEST, answer(YES), 1);
        claims.put("choice", Map.of("answer", "maybe"));
        assertRejected(() -> box.cast(voter.sign(claims)), Rejection.INVALID_CHOICE);
        claims.put("choice", "yes");
        assertRejected(() -> box.cast(voter.sign(claims)), Rejection.INVALID_CHOICE);
    }

    @Test
    void everyRejectionReasonHasItsOwnStableCode() {
        assertThat(Stream.of(Rejection.values()).map(Rejection::code).distinct()).hasSize(Rejection.values().length);
        assertThat(Rejection.BAD_SIGNATURE.code()).isEqualTo("bad-signature");
        assertThat(Rejection.BAD_SIGNATURE.messageKey()).isEqualTo("ballots.rejection.bad-signature");
    }

    private static JWSHeader.Builder header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).type(new JOSEObjectType("vote+jwt")).keyID(kid);
    }

    private static void assertRejected(ThrowingCallable cast, Rejection reason) {
        assertThatThrownBy(cast).isInstanceOfSatisfying(BallotRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
