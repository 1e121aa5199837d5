package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The member pages without a browser: bad input on the sign-up form, a forged CSRF token, and a
 * script in a name, which every page that shows it must escape.
 */
class MemberPagesIT {

    private static final String SCRIPT_NAME = "<script>alert('pwned')</script> Mallory";

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    @Test
    void theSignUpFormRefusesBadInputInTheVisitorsLanguageAndStoresNothing() {
        HttpClient session = TestServer.newSession();
        HttpResponse<String> page = TestServer.get(session, "/sign-up.xhtml", "Accept-Language", "fr-CA");
        assertThat(page.statusCode()).isEqualTo(200);
        String email = "form-" + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
        HttpResponse<String> refused = TestServer.submitForm(session, "/sign-up.xhtml", page.body(), "sign-up",
                Map.of("email", email, "displayName", "", "password", "short", "language", "fr"),
                "Accept-Language", "fr-CA");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Le nom est obligatoire", "au moins 12 caractères");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE email = ?", email)).isZero();

        HttpResponse<String> accepted = TestServer.submitForm(session, "/sign-up.xhtml", refused.body(), "sign-up",
                Map.of("email", email, "displayName", "Dominique", "password", TestPeople.PASSWORD, "language", "fr"),
                "Accept-Language", "fr-CA");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Nous avons envoyé un lien à " + email);
        assertThat(TestMail.awaitLetter(email, "confirmez").language()).isEqualTo("fr");
    }

    @Test
    void aFormPostedWithAForgedViewStateIsRefusedAndNothingIsStored() {
        HttpClient session = TestServer.newSession();
        HttpResponse<String> page = TestServer.get(session, "/sign-up.xhtml");
        String email = "csrf-" + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
        String forged = page.body().replaceAll("(name=\"jakarta.faces.ViewState\"[^>]*value=\")[^\"]+\"",
                "$1-4242424242424242424:-1717171717171717171\"");
        HttpResponse<String> refused = TestServer.submitForm(session, "/sign-up.xhtml", forged, "sign-up",
                Map.of("email", email, "displayName", "Forger", "password", TestPeople.PASSWORD, "language", "en"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("nothing was saved");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE email = ?", email)).isZero();

        // A view state from another session is just as foreign.
        HttpClient other = TestServer.newSession();
        HttpResponse<String> stolen = TestServer.submitForm(other, "/sign-up.xhtml", page.body(), "sign-up",
                Map.of("email", email, "displayName", "Forger", "password", TestPeople.PASSWORD, "language", "en"));
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE email = ?", email)).isZero();
    }

    @Test
    void aScriptInANameIsEscapedOnEveryPageThatShowsIt() {
        TestPeople.Person mallory = TestPeople.withRoles(SCRIPT_NAME, "member");
        TestPeople.Person secretary = TestPeople.withRoles("secretary", "secretary");
        TestServer.putJson(TestServer.newSession(), "/api/me/account/preferences",
                Json.createObjectBuilder().add("displayName", SCRIPT_NAME).build().toString(), mallory.bearer());
        String escaped = "&lt;script&gt;alert(";

        HttpClient own = TestPeople.signedIn(mallory.email(), TestPeople.PASSWORD);
        for (String page : new String[] {"/member/index.xhtml", "/member/account.xhtml"}) {
            String body = TestServer.get(own, page).body();
            assertThat(body).as(page).contains(escaped).doesNotContain("<script>alert(");
        }
        HttpClient board = TestPeople.signedIn(secretary.email(), TestPeople.PASSWORD);
        for (String page : new String[] {"/board/members.xhtml", "/board/member.xhtml?id=" + mallory.id()}) {
            String body = TestServer.get(board, page).body();
            assertThat(body).as(page).contains(escaped).doesNotContain("<script>alert(");
        }
        HttpClient admin = TestPeople.signedIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        String accounts = TestServer.get(admin, "/admin/accounts.xhtml").body();
        assertThat(accounts).contains(escaped).doesNotContain("<script>alert(");
    }
}
