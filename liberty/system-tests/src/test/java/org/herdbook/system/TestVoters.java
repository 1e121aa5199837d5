package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Ballots and voters for the tests, made the way outside people would: a board member drafts and
 * opens a ballot over the API, members become eligible by paying dues, and each voter signs votes
 * with Nimbus and a key of their own, never with server code.
 */
final class TestVoters {

    static final HttpClient CLIENT = TestServer.newSession();

    private TestVoters() {
    }

    /** Today where the test foundation counts record dates. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE));
    }

    /** A new member in good standing (dues paid today), so on the roll of ballots opened from now on. */
    static TestPeople.Person activeMember(String language, String label) {
        TestPeople.Person member = TestPeople.speaking(language, label, "member");
        TestPeople.Person treasurer = TestPeople.withRoles("treasurer for " + label, "treasurer");
        HttpResponse<String> paid = TestServer.postJson(CLIENT, "/api/members/" + member.id() + "/dues-payments",
                Json.createObjectBuilder().add("amount", "5.00").add("currency", "CAD").add("paidOn", today().toString())
                        .add("months", 1).add("reference", "paid at the meetup").build().toString(), "Authorization", treasurer.bearer());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        return member;
    }

    /** Drafts and opens a yes/no/abstain ballot; answers the opened ballot's JSON. */
    static JsonObject openYesNo(TestPeople.Person board, Instant opens, Instant closes, String quorum) {
        String body = """
                {"title": {"en": "Let a tech company have an account?", "fr": "Accueillir le compte d’une entreprise ?"},
                 "text": {"en": "Should the instance accept an account run by a tech company?",
                          "fr": "L’instance doit-elle accepter un compte tenu par une entreprise ?"},
                 "method": {"type": "yes-no-abstain", "quorum": %s, "threshold": "majority"},
                 "opens": "%s", "closes": "%s", "recordDate": "%s"}
                """.formatted(quorum, opens, closes, today());
        return open(board, body);
    }

    static JsonObject open(TestPeople.Person board, String definition) {
        HttpResponse<String> drafted = TestServer.postJson(CLIENT, "/api/ballots", definition, "Authorization",
                board.bearer());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = TestServer.json(drafted).getJsonObject("ballot").getString("id");
        HttpResponse<String> opened = TestServer.postJson(CLIENT, "/api/ballots/" + id + "/opening", "", "Authorization",
                board.bearer());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        return TestServer.json(opened);
    }

    /** A member holding a voting key of their own. */
    static final class Voter {
        final TestPeople.Person person;
        final JWK key;
        final String kid;

        Voter(TestPeople.Person person, boolean ed25519) {
            this.person = person;
            try {
                this.key = ed25519 ? new OctetKeyPairGenerator(Curve.Ed25519).generate()
                        : new ECKeyGenerator(Curve.P_256).generate();
                this.kid = key.toPublicJWK().computeThumbprint().toString();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> register(String ballotId) {
            return TestServer.postJson(CLIENT, "/api/ballots/" + ballotId + "/keys", key.toPublicJWK().toJSONString(),
                    "Authorization", person.bearer());
        }

        /** A vote signed with this voter's key, with the claims as the README documents them. */
        String vote(JsonObject ballot, Map<String, Object> choice, String jti, long seq) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("aud", ballot.getJsonObject("manifest").getString("ballot"));
            claims.put("manifestHash", ballot.getString("manifestHash"));
            claims.put("choice", choice);
            claims.put("jti", jti);
            claims.put("iat", Instant.now().getEpochSecond());
            claims.put("seq", seq);
            return sign(claims, kid);
        }

        String vote(JsonObject ballot, String answer, long seq) {
            return vote(ballot, Map.of("answer", answer), UUID.randomUUID().toString(), seq);
        }

        String sign(Map<String, Object> claims, String headerKid) {
            try {
                JWSSigner signer = key instanceof OctetKeyPair okp ? new Ed25519Signer(okp) : new ECDSASigner((ECKey) key);
                JWSAlgorithm alg = key instanceof OctetKeyPair ? JWSAlgorithm.EdDSA : JWSAlgorithm.ES256;
                JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).type(new JOSEObjectType("vote+jwt"))
                        .keyID(headerKid).build(), new Payload(claims));
                jws.sign(signer);
                return jws.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static HttpResponse<String> cast(String ballotId, String compact) {
        return TestServer.send(CLIENT, HttpRequest.newBuilder(URI.create(TestServer.url("/api/ballots/" + ballotId
                + "/votes"))).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(compact)).build());
    }
}
