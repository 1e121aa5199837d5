package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import org.herdbook.system.TestPeople.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Chromium through the public report pages: the index, a month in English and in French with its
 * charts, and the PDF downloaded as a file whose SHA-256 is the one the foundation signed.
 */
class MonthlyReportBrowserIT {

    private static final String MONTH = "2003-08";

    private Chromium chromium;
    private Path downloads;

    @BeforeEach
    void publishAndStart() throws Exception {
        Person treasurer = TestPeople.withRoles("Trésorier", "treasurer");
        Person board = TestPeople.withRoles("Conseil", "board");
        TestServer.postJson(TestServer.newSession(), "/api/reports/" + MONTH + "/draft", "", "Authorization",
                treasurer.bearer());
        TestServer.putJson(TestServer.newSession(), "/api/reports/" + MONTH + "/draft/narrative",
                "{\"en\":\"A quiet August.\",\"fr\":\"Un mois d’août calme.\"}", treasurer.bearer());
        TestDatabase.update("INSERT INTO finance.closed_month (month, closed_by) VALUES (DATE '2003-08-01', 'it')");
        var published = TestServer.postJson(TestServer.newSession(), "/api/reports/" + MONTH + "/publication", "",
                "Authorization", board.bearer());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        chromium = new Chromium();
        downloads = Files.createTempDirectory("herdbook-downloads");
        chromium.downloadsTo(downloads);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        try (var files = Files.walk(downloads)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aVisitorReadsAMonthInBothLanguagesAndDownloadsItsPdf() throws Exception {
        var browser = chromium.browser;
        browser.get(TestServer.url("/reports/index.xhtml?lang=en"));
        browser.findElement(By.cssSelector("li[data-month='" + MONTH + "'] a")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
        assertThat(chromium.text("report-title")).isEqualTo("Monthly report — August 2003");
        assertThat(chromium.text("narrative")).isEqualTo("A quiet August.");
        assertThat(browser.findElements(By.cssSelector("#revenue-chart svg"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#expenses-chart svg"))).hasSize(1);
        assertThat(chromium.text("section-revenue")).contains("Membership dues", "$0.00", "Sponsorships (0, confidential)");

        browser.findElement(By.id("lang-fr")).click();
        chromium.await(ExpectedConditions.textToBe(By.id("report-title"), "Rapport mensuel — août 2003"));
        assertThat(chromium.text("narrative")).isEqualTo("Un mois d’août calme.");
        assertThat(chromium.text("section-revenue")).contains("Cotisations des membres", "0,00 $");
        browser.findElement(By.id("index-link")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-month='" + MONTH + "']")));
        assertThat(browser.findElement(By.cssSelector("li[data-month='" + MONTH + "']")).getText()).contains("août 2003");
        browser.findElement(By.cssSelector("li[data-month='" + MONTH + "'] a")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("pdf-link")));

        browser.findElement(By.id("pdf-link")).click();
        Path pdf = downloads.resolve("report-" + MONTH + "-v1.pdf");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!Files.exists(pdf) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(pdf).exists();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String signed = TestServer.json(TestServer.get(TestServer.newSession(), "/api/reports/" + MONTH))
                .getString("pdfSha256");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(signed);
    }
}
