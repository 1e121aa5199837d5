package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The secretary holds an AGM in Chromium: schedules it, sends the notice (read from the test SMTP
 * server), records attendance and two motions, drafts the minutes and downloads their PDF.
 */
class MeetingBrowserIT {

    private Chromium chromium;

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    @BeforeEach
    void start() throws Exception {
        Meetings.bylaws(0, 30, "number", 2, true, 0);
        chromium = new Chromium();
    }

    @AfterEach
    void stop() throws Exception {
        Meetings.defaultBylaws();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theSecretarySchedulesAnAgmSendsNoticeRecordsItAndDownloadsTheMinutes() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        TestPeople.Person secretary = TestPeople.withRoles("Secretary " + tag, "secretary");
        TestPeople.Person ada = Meetings.eligibleMember("en", "Ada " + tag);
        TestPeople.Person bruno = Meetings.eligibleMember("fr", "Bruno " + tag);

        chromium.browser.get(TestServer.url("/sign-in.xhtml?lang=en"));
        chromium.type("sign-in:email", secretary.email());
        chromium.type("sign-in:password", TestPeople.PASSWORD);
        chromium.click("sign-in:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("nav-meetings")));
        chromium.click("nav-meetings");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("schedule:titleEn")));

        new Select(chromium.browser.findElement(By.id("schedule:kind"))).selectByValue("annual-general");
        chromium.type("schedule:titleEn", "First AGM " + tag);
        chromium.type("schedule:titleFr", "Première AGA " + tag);
        chromium.type("schedule:heldOn", Meetings.TODAY.toString());
        chromium.type("schedule:startsAt", "18:30");
        chromium.type("schedule:location", "Salle Éole");
        chromium.click("schedule:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-title"), "First AGM " + tag));

        chromium.click("notice:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Notice sent"));
        TestMail.Letter notice = TestMail.awaitLetter(bruno.email(), "convocation");
        assertThat(notice.language()).isEqualTo("fr");
        assertThat(notice.body()).contains("Première AGA " + tag, Meetings.TODAY.toString(), "18:30", "Salle Éole");
        assertThat(TestMail.awaitLetter(ada.email(), "notice of the annual general meeting").body())
                .contains("First AGM " + tag);

        for (TestPeople.Person member : new TestPeople.Person[] {ada, bruno}) {
            String name = member == ada ? "Ada " + tag : "Bruno " + tag;
            new Select(chromium.browser.findElement(By.id("attendance:attendee")))
                    .selectByVisibleText(name + " <" + member.email() + ">");
            new Select(chromium.browser.findElement(By.id("attendance:mode"))).selectByValue("in-person");
            chromium.click("attendance:submit");
            chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("present"), name));
        }
        chromium.click("call-to-order:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("motion:en")));
        assertThat(chromium.browser.findElement(By.id("quorum")).getAttribute("data-quorate")).isEqualTo("true");

        propose("ordinary", "Adopt the financial statements", "Adopter les états financiers", "Ada " + tag,
                "Bruno " + tag);
        result("2", "0", "0");
        propose("special", "Amend the bylaws", "Modifier les statuts", "Bruno " + tag, "Ada " + tag);
        result("1", "1", "0");
        assertThat(chromium.browser.findElements(By.cssSelector("#motions li.motion")).stream()
                .map(item -> item.getAttribute("data-carried"))).containsExactly("true", "false");

        chromium.click("draft:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("minutes-pdf")));
        assertThat(chromium.browser.findElement(By.id("minutes:en")).getAttribute("value"))
                .contains("Adopt the financial statements", "carried", "defeated");
        String pdfPath = chromium.browser.findElement(By.id("minutes-pdf")).getAttribute("href")
                .substring(TestServer.url("").length());
        String session = chromium.browser.manage().getCookieNamed("herdbook_session").getValue();
        Meetings.PdfText pdf = Meetings.pdf(TestServer.newSession(), pdfPath, "Cookie", "herdbook_session=" + session);
        assertThat(pdf.text()).contains("First AGM " + tag, "Première AGA " + tag, "Adopt the financial statements",
                "Adopter les états financiers", "Ada " + tag, "Bruno " + tag, "Procès-verbal", "1 / " + pdf.pages());
    }

    private void propose(String kind, String english, String french, String mover, String seconder) {
        new Select(chromium.browser.findElement(By.id("motion:kind"))).selectByValue(kind);
        chromium.type("motion:en", english);
        chromium.type("motion:fr", french);
        new Select(chromium.browser.findElement(By.id("motion:mover"))).selectByVisibleText(mover);
        new Select(chromium.browser.findElement(By.id("motion:seconder"))).selectByVisibleText(seconder);
        chromium.click("motion:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("motions"), english));
    }

    private void result(String votesFor, String against, String abstaining) {
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("result:motion")));
        chromium.type("result:for", votesFor);
        chromium.type("result:against", against);
        chromium.type("result:abstentions", abstaining);
        chromium.click("result:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Result recorded"));
    }
}
