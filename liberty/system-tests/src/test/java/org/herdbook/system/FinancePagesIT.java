package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herdbook.system.TestPeople.Person;
import org.junit.jupiter.api.Test;

/** The treasurer's and the board's finance pages over plain HTTP (no JavaScript), in both languages. */
class FinancePagesIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Test
    void theTreasurerImportsAFileAndWatchesItsProgressThenReconciles() throws Exception {
        Person treasurer = TestPeople.withRoles("Treasurer", "treasurer");
        HttpClient browser = TestPeople.signedIn(treasurer.email(), TestPeople.PASSWORD);
        assertThat(TestServer.get(browser, "/treasurer/finance.xhtml").body())
                .contains("Runway", "Chart of accounts", "Hosting — managed databases", "id=\"nav-finance\"");
        assertThat(TestServer.get(browser, "/treasurer/finance.xhtml?lang=fr").statusCode()).isEqualTo(302);
        assertThat(TestServer.get(browser, "/treasurer/finance.xhtml").body())
                .contains("Autonomie financière", "Plan comptable", "Hébergement — bases de données gérées");
        TestServer.get(browser, "/?lang=en");

        FinanceFiles file = FinanceFiles.typicalMonth(true);
        HttpResponse<String> form = TestServer.get(browser, "/treasurer/paypal-import.xhtml");
        HttpResponse<String> started = upload(browser, form.body(), file.bytes(), "activite.csv");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String progress = URI.create(started.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
                + URI.create(started.headers().firstValue("Location").orElseThrow()).getRawQuery();
        HttpResponse<String> page = TestServer.get(browser, progress);
        for (int attempt = 0; attempt < 60 && page.headers().firstValue("Refresh").isPresent(); attempt++) {
            assertThat(page.body()).contains("id=\"import-progress\"");
            Thread.sleep(500);
            page = TestServer.get(browser, progress);
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"report-new\">5<", "id=\"report-booked\">5<");

        HttpResponse<String> reconciliation = TestServer.get(browser, "/treasurer/reconciliation.xhtml?month=" + file.month());
        assertThat(reconciliation.statusCode()).isEqualTo(200);
        assertThat(reconciliation.body()).contains(file.prefix + "SUB", "Matched", "Everything matches");
        HttpResponse<String> french = TestServer.get(browser, "/treasurer/reconciliation.xhtml?month=" + file.month(),
                "Accept-Language", "fr");
        assertThat(french.statusCode()).isEqualTo(200);
    }

    @Test
    void aRejectedFileShowsEveryReasonAndA422() throws Exception {
        Person treasurer = TestPeople.withRoles("Treasurer", "treasurer");
        HttpClient browser = TestPeople.signedIn(treasurer.email(), TestPeople.PASSWORD);
        FinanceFiles file = new FinanceFiles(false).row(1, "Mystery Transfer", "5.00", "0.00", "5.00", "BAD", null);
        HttpResponse<String> started = upload(browser, TestServer.get(browser, "/treasurer/paypal-import.xhtml").body(),
                file.bytes(), "bad.csv");
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery();
        HttpResponse<String> page = TestServer.get(browser, path);
        for (int attempt = 0; attempt < 60 && page.headers().firstValue("Refresh").isPresent(); attempt++) {
            Thread.sleep(500);
            page = TestServer.get(browser, path);
        }
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("nothing was imported", "Line 2: Unknown transaction type “Mystery Transfer”");
    }

    @Test
    void financePagesAreForTheTreasurerAndSponsorAmountsForTheBoard() {
        Person member = TestPeople.withRoles("Member", "member");
        HttpClient memberBrowser = TestPeople.signedIn(member.email(), TestPeople.PASSWORD);
        assertThat(TestServer.get(memberBrowser, "/treasurer/finance.xhtml").statusCode()).isEqualTo(403);
        assertThat(TestServer.get(memberBrowser, "/board/sponsorships.xhtml").statusCode()).isEqualTo(403);

        Person treasurer = TestPeople.withRoles("Treasurer", "treasurer");
        String sponsor = "Patron " + UUID.randomUUID().toString().substring(0, 8);
        TestServer.postJson(TestServer.newSession(), "/api/finance/sponsorships", jakarta.json.Json.createObjectBuilder()
                .add("sponsor", sponsor).add("anonymous", false).add("amount", "777.00").add("currency", "CAD")
                .add("startsOn", "2026-01-01").add("endsOn", "2026-06-30").build().toString(),
                "Authorization", treasurer.bearer());
        Person secretary = TestPeople.withRoles("Secretary", "secretary");
        String secretaryView = TestServer.get(TestPeople.signedIn(secretary.email(), TestPeople.PASSWORD),
                "/board/sponsorships.xhtml").body();
        assertThat(secretaryView).contains(sponsor).doesNotContain("CAD 777.00");
        Person board = TestPeople.withRoles("Board", "board");
        HttpClient boardBrowser = TestPeople.signedIn(board.email(), TestPeople.PASSWORD);
        assertThat(TestServer.get(boardBrowser, "/board/sponsorships.xhtml").body()).contains(sponsor, "CAD 777.00");
        assertThat(TestServer.get(boardBrowser, "/board/expense-approvals.xhtml").body()).contains("Expenses to approve");
        assertThat(TestServer.get(boardBrowser, "/board/expense-approvals.xhtml?lang=fr").statusCode()).isEqualTo(302);
        assertThat(TestServer.get(boardBrowser, "/board/expense-approvals.xhtml").body()).contains("Dépenses à approuver");
    }

    /** Submits the import form as a browser does: multipart, with the file, the view state and the button. */
    private static HttpResponse<String> upload(HttpClient browser, String page, byte[] content, String fileName)
            throws Exception {
        Matcher viewState = VIEW_STATE.matcher(page);
        assertThat(viewState.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("paypal-import_SUBMIT", "1");
        fields.put("paypal-import:book", "on");
        fields.put("paypal-import:submit", "Import");
        fields.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        String boundary = "----herdbook" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"paypal-import:file\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServer.url("/treasurer/paypal-import.xhtml")))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
