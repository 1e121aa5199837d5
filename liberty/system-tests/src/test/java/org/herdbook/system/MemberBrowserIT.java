package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person joins in Chromium: signs up, opens the link from the e-mail the test SMTP server
 * received, signs in, switches language and reads their own standing, starting in either language.
 */
class MemberBrowserIT {

    private Chromium chromium;

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    @BeforeEach
    void start() throws Exception {
        chromium = new Chromium();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest(name = "starting in {0}")
    @CsvSource({
        "en, Apply, confirm your e-mail, Applicant, fr, Candidat, Mon adhésion",
        "fr, Demander l’adhésion, confirmez, Candidat, en, Applicant, My membership"
    })
    void aPersonSignsUpVerifiesSignsInAndSeesTheirStandingInBothLanguages(String language, String button,
            String subject, String standing, String otherLanguage, String otherStanding, String otherHeading) {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@herdbook.test";
        chromium.browser.get(TestServer.url("/?lang=" + language));
        chromium.click("apply");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-up:email")));
        chromium.type("sign-up:email", email);
        chromium.type("sign-up:displayName", "Renée Ōkubo");
        chromium.type("sign-up:password", TestPeople.PASSWORD);
        assertThat(chromium.browser.findElement(By.id("sign-up:submit")).getAttribute("value")).isEqualTo(button);
        chromium.click("sign-up:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), email));

        TestMail.Letter letter = TestMail.awaitLetter(email, subject);
        assertThat(letter.language()).isEqualTo(language);
        chromium.browser.get(letter.link("/verify-email.xhtml?token="));
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("go-sign-in")));
        chromium.click("go-sign-in");

        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in:email")));
        chromium.type("sign-in:email", email);
        chromium.type("sign-in:password", TestPeople.PASSWORD);
        chromium.click("sign-in:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("standing")));
        assertThat(chromium.text("display-name")).isEqualTo("Renée Ōkubo");
        assertThat(chromium.text("standing")).isEqualTo(standing);
        assertThat(chromium.browser.findElement(By.id("standing")).getAttribute("data-standing")).isEqualTo("applicant");

        chromium.click("lang-" + otherLanguage);
        chromium.await(ExpectedConditions.textToBe(By.id("standing"), otherStanding));
        assertThat(chromium.browser.getPageSource()).contains(otherHeading);
        assertThat(chromium.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(otherLanguage);
        // The switch is the account's preference now: e-mails follow it.
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.account WHERE email = ?"
                + " AND preferred_language = ?", email, otherLanguage)).isEqualTo(1);
    }
}
