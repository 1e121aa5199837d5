package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.herdbook.system.TestPeople.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The report's workflow in Chromium on a month of its own (November 2003): the treasurer opens the
 * draft from the list, writes the narrative in both languages and types the instance figures (a
 * mistyped number refused, nothing stored), sees no publish button; a board member, in French, is
 * refused while the month is open, publishes once it is closed, and the public page shows it.
 */
class MonthlyReportWorkflowBrowserIT {

    private static final String MONTH = "2003-11";

    private Chromium chromium;

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

    @Test
    void theTreasurerWritesTheNarrativeAndTheBoardPublishes() throws Exception {
        Person treasurer = TestPeople.withRoles("Trésorière", "treasurer");
        Person board = TestPeople.speaking("fr", "Conseil", "board");
        var browser = chromium.browser;

        signIn(treasurer, "en");
        chromium.click("nav-report-drafts");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("open:month")));
        chromium.type("open:month", "2003-13");
        chromium.click("open:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is not a month"));
        chromium.type("open:month", MONTH);
        chromium.click("open:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("narratives:en")));
        assertThat(chromium.text("draft-title")).contains("November 2003");
        assertThat(browser.findElement(By.id("month-state")).getAttribute("data-closed")).isEqualTo("false");
        assertThat(browser.findElements(By.id("publish:submit"))).isEmpty();
        assertThat(chromium.text("section-revenue")).contains("Membership dues");

        chromium.type("narratives:en", "Zoë’s quiet November: <b>no</b> outage.");
        chromium.type("narratives:fr", "Un novembre calme pour Zoë.");
        chromium.click("narratives:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Narratives saved."));
        assertThat(chromium.text("narrative")).isEqualTo("Zoë’s quiet November: <b>no</b> outage.");

        chromium.type("instance:users", "1200");
        chromium.type("instance:activeUsers", "many");
        chromium.type("instance:newUsers", "40");
        chromium.type("instance:reportsOpened", "12");
        chromium.type("instance:reportsResolved", "11");
        chromium.click("instance:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "whole numbers"));
        assertThat(TestDatabase.number("SELECT count(*) FROM reports.instance_figures WHERE month = DATE '2003-11-01'"))
                .isZero();
        chromium.type("instance:activeUsers", "800");
        chromium.type("instance:appealsReceived", "2");
        chromium.type("instance:appealsApproved", "1");
        chromium.click("instance:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Instance figures saved."));
        assertThat(chromium.text("section-instance")).contains("1,200", "800", "40");

        chromium.click("sign-out:submit");
        // Signed out only once the page after the sign-out has come back; loading the sign-in page
        // before then raced the sign-out and sometimes found the treasurer still signed in.
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
        signIn(board, "fr");
        chromium.click("nav-report-drafts");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-month='" + MONTH + "'] a.draft-link")));
        browser.findElement(By.cssSelector("tr[data-month='" + MONTH + "'] a.draft-link")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("publish:submit")));
        assertThat(browser.findElement(By.id("narratives:fr")).getAttribute("value")).isEqualTo("Un novembre calme pour Zoë.");
        chromium.click("publish:submit");
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Le trésorier n’a pas encore clos ce mois"));
        assertThat(TestDatabase.number("SELECT count(*) FROM reports.monthly_report WHERE month = DATE '2003-11-01'"
                + " AND state = 'published'")).isZero();

        TestDatabase.update("INSERT INTO finance.closed_month (month, closed_by) VALUES (DATE '2003-11-01', 'it')");
        chromium.click("publish:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
        assertThat(chromium.text("report-title")).isEqualTo("Rapport mensuel — novembre 2003");
        assertThat(chromium.text("narrative")).isEqualTo("Un novembre calme pour Zoë.");
        assertThat(chromium.text("report-version")).contains("Version 1");
        browser.findElement(By.id("lang-en")).click();
        chromium.await(ExpectedConditions.textToBe(By.id("report-title"), "Monthly report — November 2003"));
        assertThat(chromium.text("narrative")).isEqualTo("Zoë’s quiet November: <b>no</b> outage.");
        assertThat(chromium.text("section-instance")).contains("1,200", "800");
    }

    private void signIn(Person person, String language) {
        chromium.browser.get(TestServer.url("/sign-in.xhtml?lang=" + language));
        chromium.type("sign-in:email", person.email());
        chromium.type("sign-in:password", TestPeople.PASSWORD);
        chromium.click("sign-in:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("nav-report-drafts")));
    }
}
