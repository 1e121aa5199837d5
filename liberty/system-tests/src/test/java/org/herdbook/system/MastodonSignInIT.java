package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing in with Mastodon against {@link FakeMastodon}: linking, signing in, unlinking, and
 * every way the flow can go wrong (state, PKCE, denial, conflicts), in English and French.
 * Each test makes its own Herdbook accounts ({@link TestPeople}) and Mastodon accounts.
 */
class MastodonSignInIT {

    static final String CALLBACK = TestServer.url("/auth/mastodon/callback");
    private final FakeMastodon mastodon = FakeMastodon.running();

    @Test
    void theSignInPageOffersMastodonAndCarriesWhereThePersonWasGoing() {
        HttpResponse<String> english = TestServer.get(TestServer.newSession(), "/sign-in.xhtml?next=%2Fadmin%2Findex.xhtml");
        assertThat(english.body()).contains("id=\"mastodon-sign-in\"", "Sign in with Mastodon", "localhost",
                "/auth/mastodon/sign-in?next=%2Fadmin%2Findex.xhtml");
        HttpResponse<String> french = TestServer.get(TestServer.newSession(), "/sign-in.xhtml", "Accept-Language", "fr");
        assertThat(french.body()).contains("Se connecter avec Mastodon");
    }

    @Test
    void theAppIsRegisteredOnceAndEveryFlowReusesIt() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> start = TestServer.get(TestServer.newSession(), "/auth/mastodon/sign-in");
            assertThat(start.statusCode()).isEqualTo(302);
            Map<String, String> authorize = FakeMastodon.query(location(start));
            assertThat(authorize).containsEntry("response_type", "code").containsEntry("redirect_uri", CALLBACK)
                    .containsEntry("scope", "profile").containsEntry("code_challenge_method", "S256")
                    .containsKeys("client_id", "state", "code_challenge");
            assertThat(authorize.get("state")).hasSizeGreaterThanOrEqualTo(22);
            assertThat(authorize.get("code_challenge")).hasSize(43);
        }
        assertThat(mastodon.registrations()).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.mastodon_app")).isEqualTo(1);
    }

    @Test
    void theLinkIsInTheDataExportAndGoesWithAClosedAccount() {
        TestPeople.Person member = TestPeople.withRoles("exporter", "member");
        FakeMastodon.Account person = mastodon.newAccount("exported");
        HttpResponse<String> linked = roundTrip(signedIn(member.email()), "/auth/mastodon/link", FakeMastodon.ACT_AS,
                person.id());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(302);

        HttpResponse<String> export = TestServer.get(TestServer.newSession(), "/api/me/data", "Authorization",
                member.bearer());
        assertThat(TestServer.json(export).getJsonObject("mastodonAccounts").getJsonArray("linked").getJsonObject(0)
                .getString("acct")).isEqualTo(person.acct());

        HttpResponse<String> closed = TestServer.postJson(TestServer.newSession(), "/api/me/data/closure",
                "{\"confirmEmail\":\"" + member.email() + "\"}", "Authorization", member.bearer());
        assertThat(closed.statusCode()).isEqualTo(204);
        assertThat(identitiesOf(person)).isZero();
        HttpResponse<String> signIn = roundTrip(TestServer.newSession(), "/auth/mastodon/sign-in", FakeMastodon.ACT_AS,
                person.id());
        assertThat(signIn.statusCode()).isEqualTo(401);
    }

    @Test
    void aMemberLinksMastodonThenSignsInWithItAloneAndCanUnlink() {
        String email = TestPeople.withRoles("linker", "member").email();
        FakeMastodon.Account person = mastodon.newAccount("linker");
        HttpClient browser = signedIn(email);
        assertThat(TestServer.get(browser, "/member/index.xhtml").body()).contains("/member/mastodon.xhtml");
        HttpResponse<String> page = TestServer.get(browser, "/member/mastodon.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"not-linked\"", "/auth/mastodon/link");

        int revokedBefore = mastodon.revocations();
        HttpResponse<String> linked = roundTrip(browser, "/auth/mastodon/link", FakeMastodon.ACT_AS, person.id());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(302);
        assertThat(location(linked).getPath()).isEqualTo("/member/mastodon.xhtml");
        assertThat(get(browser, location(linked)).body())
                .contains("Your Mastodon account is linked.", "@" + person.acct(), "id=\"unlink\"");
        assertThat(identitiesOf(person)).isEqualTo(1);

        // A fresh browser signs in with Mastodon only, and is that member.
        HttpClient fresh = TestServer.newSession();
        HttpResponse<String> signedIn = roundTrip(fresh, "/auth/mastodon/sign-in?next=%2Fmember%2Findex.xhtml",
                FakeMastodon.ACT_AS, person.id());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(location(signedIn).getPath()).isEqualTo("/member/index.xhtml");
        assertThat(signedIn.headers().allValues("Set-Cookie")).as("the session is re-keyed")
                .anyMatch(cookie -> cookie.startsWith("herdbook_session="));
        HttpResponse<String> members = TestServer.get(fresh, "/member/index.xhtml");
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).contains(email);
        assertThat(mastodon.revocations()).as("each access token is revoked after use").isEqualTo(revokedBefore + 2);

        // Unlinking is a Faces form (CSRF-protected postback).
        HttpResponse<String> manage = TestServer.get(fresh, "/member/mastodon.xhtml");
        HttpResponse<String> unlinked = TestServer.submitForm(fresh, "/member/mastodon.xhtml", manage.body(), "unlink", Map.of());
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(302);
        assertThat(get(fresh, location(unlinked)).body()).contains("no longer linked", "id=\"not-linked\"");
        assertThat(identitiesOf(person)).isZero();
        HttpResponse<String> again = roundTrip(TestServer.newSession(), "/auth/mastodon/sign-in", FakeMastodon.ACT_AS, person.id());
        assertThat(again.statusCode()).isEqualTo(401);
    }

    @Test
    void aMastodonAccountLinkedToNobodyIsExplainedInTheVisitorsLanguageAndSignsNobodyIn() {
        FakeMastodon.Account stranger = mastodon.newAccount("<i>stranger</i>");
        HttpClient english = TestServer.newSession();
        HttpResponse<String> refused = roundTrip(english, "/auth/mastodon/sign-in", FakeMastodon.ACT_AS, stranger.id());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("No Herdbook account is linked to the Mastodon account @",
                "&lt;i&gt;stranger&lt;/i&gt;", "link your Mastodon account from your account page")
                .doesNotContain("<i>stranger</i>");
        assertThat(TestServer.get(english, "/member/index.xhtml").statusCode()).as("not signed in").isEqualTo(302);

        HttpClient french = TestServer.newSession();
        HttpResponse<String> refusedInFrench = roundTrip(french, "/auth/mastodon/sign-in", FakeMastodon.ACT_AS,
                stranger.id(), "Accept-Language", "fr-CA,fr");
        assertThat(refusedInFrench.statusCode()).isEqualTo(401);
        assertThat(refusedInFrench.body()).contains("lang=\"fr\"", "Aucun compte Herdbook n’est lié au compte Mastodon @");
        assertThat(identitiesOf(stranger)).isZero();
    }

    @Test
    void aTamperedMissingOrUnexpectedStateIsRefusedAndNothingIsStored() {
        FakeMastodon.Account person = mastodon.newAccount("tampered");
        HttpClient browser = signedIn(TestPeople.withRoles("tampered", "member").email());
        int tokensBefore = mastodon.tokensIssued();

        URI callback = approved(browser, "/auth/mastodon/link", FakeMastodon.ACT_AS, person.id());
        Map<String, String> answer = FakeMastodon.query(callback);
        HttpResponse<String> tampered = TestServer.get(browser, "/auth/mastodon/callback?code=" + TestServer.encode(answer.get("code"))
                + "&state=" + TestServer.encode(answer.get("state").substring(1) + "A"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("The sign-in could not be completed", "Nothing was changed");
        // The flow was used up by the tampered answer: the genuine one comes too late.
        assertThat(get(browser, callback).statusCode()).as("single use").isEqualTo(400);

        URI second = approved(browser, "/auth/mastodon/link", FakeMastodon.ACT_AS, person.id());
        HttpResponse<String> missing = TestServer.get(browser, "/auth/mastodon/callback?code="
                + TestServer.encode(FakeMastodon.query(second).get("code")), "Accept-Language", "fr");
        assertThat(missing.statusCode()).isEqualTo(400);
        // A signed-in person's pages follow their account's language (English here), not the browser's.
        assertThat(missing.body()).contains("The sign-in could not be completed");

        HttpResponse<String> unexpected = TestServer.get(TestServer.newSession(), "/auth/mastodon/callback?code=abc&state=def");
        assertThat(unexpected.statusCode()).as("no flow was started in this browser").isEqualTo(400);
        assertThat(unexpected.body()).contains("does not belong to a sign-in started in this browser");
        assertThat(TestServer.get(TestServer.newSession(), "/auth/mastodon/callback").statusCode()).isEqualTo(400);

        assertThat(mastodon.tokensIssued()).as("no code was even exchanged").isEqualTo(tokensBefore);
        assertThat(identitiesOf(person)).isZero();
    }

    @Test
    void aCodeIssuedForAnotherBrowsersFlowFailsPkceAndNothingIsStored() {
        // The victim starts linking; the attacker gets a code for their own Mastodon account and
        // slips it into the victim's callback, with the victim's own state.
        HttpClient victim = signedIn(TestPeople.withRoles("victim", "member").email());
        HttpResponse<String> victimStart = TestServer.get(victim, "/auth/mastodon/link");
        String victimState = FakeMastodon.query(location(victimStart)).get("state");
        FakeMastodon.Account attacker = mastodon.newAccount("attacker");
        URI attackerCallback = approved(TestServer.newSession(), "/auth/mastodon/sign-in", FakeMastodon.ACT_AS, attacker.id());
        String injectedCode = FakeMastodon.query(attackerCallback).get("code");

        int refusalsBefore = mastodon.pkceRefusals();
        HttpResponse<String> injected = TestServer.get(victim, "/auth/mastodon/callback?code=" + TestServer.encode(injectedCode)
                + "&state=" + TestServer.encode(victimState), "Accept-Language", "en");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(injected.body()).contains("The sign-in could not be completed: localhost refused to confirm it.");
        assertThat(mastodon.pkceRefusals()).as("the instance refused the victim's verifier").isEqualTo(refusalsBefore + 1);
        assertThat(identitiesOf(attacker)).isZero();

        HttpResponse<String> inFrench = TestServer.get(TestServer.newSession(), "/auth/mastodon/callback?code=x&state=y",
                "Accept-Language", "fr");
        assertThat(inFrench.body()).contains("La connexion n’a pas pu aboutir");
    }

    @Test
    void aDenialAtTheInstanceIsAnsweredPolitelyInBothLanguages() {
        HttpClient browser = TestServer.newSession();
        HttpResponse<String> denied = roundTrip(browser, "/auth/mastodon/sign-in", FakeMastodon.DENY, "yes");
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("You did not allow Herdbook to see your Mastodon account", "id=\"again\"");
        assertThat(TestServer.get(browser, "/member/index.xhtml").statusCode()).isEqualTo(302);
        HttpResponse<String> deniedInFrench = roundTrip(TestServer.newSession(), "/auth/mastodon/sign-in", FakeMastodon.DENY, "yes",
                "Accept-Language", "fr");
        assertThat(deniedInFrench.body()).contains("Vous n’avez pas autorisé Herdbook à voir votre compte Mastodon");
    }

    @Test
    void oneMastodonAccountCannotBeLinkedToASecondHerdbookAccount() {
        FakeMastodon.Account person = mastodon.newAccount("shared");
        String first = TestPeople.withRoles("first", "member").email();
        assertThat(roundTrip(signedIn(first), "/auth/mastodon/link", FakeMastodon.ACT_AS, person.id()).statusCode()).isEqualTo(302);

        HttpClient second = signedIn(TestPeople.speaking("fr", "second", "member").email());
        HttpResponse<String> refused = roundTrip(second, "/auth/mastodon/link", FakeMastodon.ACT_AS, person.id(),
                "Accept-Language", "fr");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("est déjà lié à un autre compte Herdbook", "@" + person.acct());
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.mastodon_identity i JOIN governance.account a"
                + " ON a.id = i.account_id WHERE i.mastodon_id = ? AND a.email = ?", person.id(), first)).isEqualTo(1);
        assertThat(identitiesOf(person)).isEqualTo(1);
    }

    @Test
    void anAccountWhoseOnlyWayInIsMastodonCannotUnlinkIt() {
        FakeMastodon.Account person = mastodon.newAccount("only-way");
        String email = TestPeople.withRoles("only-way", "member").email();
        roundTrip(signedIn(email), "/auth/mastodon/link", FakeMastodon.ACT_AS, person.id());
        dropPassword(email);

        HttpClient browser = TestServer.newSession();
        assertThat(roundTrip(browser, "/auth/mastodon/sign-in", FakeMastodon.ACT_AS, person.id()).statusCode()).isEqualTo(302);
        HttpResponse<String> page = TestServer.get(browser, "/member/mastodon.xhtml");
        HttpResponse<String> refused = TestServer.submitForm(browser, "/member/mastodon.xhtml", page.body(), "unlink", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("has no password", "It stays linked");
        assertThat(identitiesOf(person)).isEqualTo(1);
    }

    @Test
    void linkingNeedsASignedInAccount() {
        HttpResponse<String> link = TestServer.get(TestServer.newSession(), "/auth/mastodon/link");
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location")).get().asString().contains("/sign-in.xhtml?next=");
        assertThat(TestServer.get(TestServer.newSession(), "/member/mastodon.xhtml").statusCode()).isEqualTo(302);
        HttpResponse<String> outcome = TestServer.get(TestServer.newSession(), "/mastodon-sign-in.xhtml",
                "Accept-Language", "fr");
        assertThat(outcome.statusCode()).as("the outcome page exists only as an answer").isEqualTo(404);
        assertThat(outcome.body()).contains("id=\"error-title\"", "lang=\"fr\"").doesNotContain("Exception");
    }

    // ---- a browser between Herdbook and the instance ----

    /** Starts at {@code startPath}, lets the person at the instance decide, and follows the way back to Herdbook. */
    private static HttpResponse<String> roundTrip(HttpClient browser, String startPath, String... headers) {
        return get(browser, approved(browser, startPath, headers), languageOnly(headers));
    }

    /** The callback address the instance sends the browser back to (not followed). */
    private static URI approved(HttpClient browser, String startPath, String... headers) {
        HttpResponse<String> start = TestServer.get(browser, startPath, languageOnly(headers));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        URI authorize = location(start);
        assertThat(authorize.getPort()).isEqualTo(Integer.getInteger("herdbook.mastodon.port", 9185));
        HttpResponse<String> decided = get(browser, authorize, headers);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        URI callback = location(decided);
        assertThat(callback.toString()).startsWith(CALLBACK + "?");
        return callback;
    }

    private static String[] languageOnly(String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equals("Accept-Language")) {
                return new String[] {headers[i], headers[i + 1]};
            }
        }
        return new String[] {"Accept-Language", "en"};
    }

    private static HttpClient signedIn(String email) {
        return TestPeople.signedIn(email, TestPeople.PASSWORD);
    }

    /** As if the account had been created without a password (Mastodon is then its only way in). */
    private static void dropPassword(String email) {
        try {
            TestDatabase.update("UPDATE governance.account SET password_hash = NULL WHERE email = ?", email);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long identitiesOf(FakeMastodon.Account account) {
        return TestDatabase.number("SELECT count(*) FROM governance.mastodon_identity WHERE mastodon_id = ?", account.id());
    }

    private static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
        return URI.create(TestServer.url("/")).resolve(location);
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
