package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Pages over plain HTTP, as a browser without JavaScript sees them. */
class PagesIT {

    @Test
    void theHomePageShowsTheFoundationsNameInTheBrowsersLanguage() {
        HttpResponse<String> english = TestServer.get(TestServer.newSession(), "/", "Accept-Language", "en-GB,en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("lang=\"en\"", TestServer.FOUNDATION_NAME, "Sign in");
        HttpResponse<String> french = TestServer.get(TestServer.newSession(), "/", "Accept-Language", "fr-CA,fr;q=0.8");
        assertThat(french.body()).contains("lang=\"fr\"", TestServer.FOUNDATION_NAME, "Se connecter");
        assertThat(french.headers().firstValue("Content-Language")).contains("fr");
    }

    @Test
    void theLanguageSwitchSticksAcrossPagesAndOverridesTheBrowser() {
        HttpClient browser = TestServer.newSession();
        HttpResponse<String> switched = TestServer.get(browser, "/sign-in.xhtml?next=%2Fmember%2F&lang=fr",
                "Accept-Language", "en");
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location")).get().asString()
                .endsWith("/sign-in.xhtml?next=%2Fmember%2F").doesNotContain("lang=");
        assertThat(switched.headers().firstValue("Set-Cookie")).get().asString().contains("herdbook_lang=fr");
        assertThat(TestServer.get(browser, "/", "Accept-Language", "en").body()).contains("lang=\"fr\"", "Se connecter");
        TestServer.get(browser, "/?lang=en");
        assertThat(TestServer.get(browser, "/", "Accept-Language", "fr").body()).contains("lang=\"en\"", "Sign in");
    }

    @Test
    void anUnknownLanguageIsIgnored() {
        HttpResponse<String> response = TestServer.get(TestServer.newSession(), "/?lang=xx", "Accept-Language", "de");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("lang=\"en\"");
    }

    @Test
    void protectedPagesSendAnonymousVisitorsToSignIn() {
        HttpResponse<String> admin = TestServer.get(TestServer.newSession(), "/admin/index.xhtml");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).get().asString()
                .contains("/sign-in.xhtml?next=%2Fadmin%2Findex.xhtml");
    }

    @Test
    void wrongCredentialsOnTheSignInFormAre401WithAMessage() {
        HttpClient browser = TestServer.newSession();
        HttpResponse<String> form = TestServer.get(browser, "/sign-in.xhtml", "Accept-Language", "fr");
        HttpResponse<String> refused = TestServer.submitForm(browser, "/sign-in.xhtml", form.body(), "sign-in",
                java.util.Map.of("email", "personne-" + java.util.UUID.randomUUID() + "@herdbook.test",
                        "password", "pas le bon mot de passe", "next", ""), "Accept-Language", "fr");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Adresse courriel ou mot de passe incorrect.");
    }

    @Test
    void signingInWithTheFormLeadsToTheRequestedPageButNeverToAnotherSite() {
        HttpClient browser = TestServer.newSession();
        HttpResponse<String> form = TestServer.get(browser, "/sign-in.xhtml");
        HttpResponse<String> signedIn = TestServer.submitForm(browser, "/sign-in.xhtml", form.body(), "sign-in",
                java.util.Map.of("email", TestServer.ADMIN_EMAIL, "password", TestServer.ADMIN_PASSWORD,
                        "next", "//evil.example/steal"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/member/index.xhtml");
        HttpResponse<String> admin = TestServer.get(browser, "/admin/index.xhtml");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("CAD", "America/Winnipeg", TestServer.ADMIN_EMAIL);
    }

    @Test
    void unknownPagesAre404InTheVisitorsLanguage() {
        HttpResponse<String> response = TestServer.get(TestServer.newSession(), "/no-such-page.xhtml", "Accept-Language", "fr");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable");
    }

    @Test
    void pagesCarryBrowserSideDefences() {
        HttpResponse<String> response = TestServer.get(TestServer.newSession(), "/");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
    }
}
