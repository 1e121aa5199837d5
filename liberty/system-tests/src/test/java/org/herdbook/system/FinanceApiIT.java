package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.herdbook.paypal.emulator.EmulatedTransaction;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.herdbook.system.TestPeople.Person;
import org.junit.jupiter.api.Test;

/** The finance API: importPaypalActivity, getReconciliation, closeMonth, recordExpense, getRunway and their roles. */
class FinanceApiIT {

    private final Person treasurer = TestPeople.withRoles("Trésorière", "treasurer");

    @Test
    void anActivityDownloadIsBookedOnceReconciledAndItsMonthClosed() {
        FinanceFiles file = FinanceFiles.typicalMonth(false);
        HttpResponse<String> imported = FinanceFiles.postCsv("/api/finance/paypal/activity", file.bytes(), treasurer.bearer());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(TestServer.json(imported).getInt("newTransactions")).isEqualTo(5);
        assertThat(TestServer.json(imported).getInt("booked")).isEqualTo(5);

        HttpResponse<String> again = FinanceFiles.postCsv("/api/finance/paypal/activity", file.bytes(), treasurer.bearer());
        assertThat(TestServer.json(again).getInt("duplicates")).isEqualTo(5);
        assertThat(TestServer.json(again).getInt("booked")).isZero();

        HttpResponse<String> month = TestServer.get(TestServer.newSession(), "/api/finance/reconciliations/" + file.month(),
                "Authorization", treasurer.bearer());
        assertThat(month.statusCode()).as(month.body()).isEqualTo(200);
        JsonObject reconciliation = TestServer.json(month);
        assertThat(reconciliation.getString("state")).isEqualTo("RECONCILED");
        assertThat(reconciliation.getJsonObject("counts").getInt("MATCHED")).isEqualTo(5);

        HttpResponse<String> closed = FinanceFiles.post("/api/finance/reconciliations/" + file.month() + "/close",
                treasurer.bearer());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(TestServer.json(closed).getString("state")).isEqualTo("CLOSED");

        HttpResponse<String> late = FinanceFiles.postCsv("/api/finance/paypal/activity", new FinanceFiles(false, file.year)
                .row(20, "Donation Payment", "5.00", "0.00", "5.00", "LATE", null).bytes(), treasurer.bearer());
        assertThat(late.statusCode()).as(late.body()).isEqualTo(422);
        assertThat(TestServer.json(late).getJsonArray("rejected").getJsonObject(0).getString("code")).isEqualTo("closed-month");
    }

    @Test
    void aMonthWithDifferencesCannotBeClosedUntilTheyAreResolved() {
        FinanceFiles file = FinanceFiles.typicalMonth(true);
        HttpResponse<String> imported = FinanceFiles.postCsv("/api/finance/paypal/activity?book=false", file.bytes(),
                treasurer.bearer());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonObject month = TestServer.json(TestServer.get(TestServer.newSession(),
                "/api/finance/reconciliations/" + file.month(), "Authorization", treasurer.bearer()));
        assertThat(month.getString("state")).isEqualTo("OPEN");
        assertThat(month.getJsonObject("counts").getInt("MISSING_FROM_LEDGER")).isEqualTo(5);

        HttpResponse<String> refused = FinanceFiles.post("/api/finance/reconciliations/" + file.month() + "/close",
                treasurer.bearer());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(TestServer.json(refused).getString("type")).isEqualTo("urn:herdbook:problem:finance.reconciliation.openItems");

        for (String id : List.of("SUB", "DON", "REF", "GEN", "WD")) {
            HttpResponse<String> booked = TestServer.postJson(TestServer.newSession(),
                    "/api/finance/reconciliations/" + file.month() + "/resolutions",
                    Json.createObjectBuilder().add("item", "line:" + file.prefix + id).add("action", "book").build().toString(),
                    "Authorization", treasurer.bearer());
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        }
        assertThat(TestServer.json(FinanceFiles.post("/api/finance/reconciliations/" + file.month() + "/close",
                treasurer.bearer())).getString("state")).isEqualTo("CLOSED");
    }

    @Test
    void aBadFileIsRejectedWholeWithEveryReasonInTheCallersLanguage() {
        FinanceFiles file = new FinanceFiles(false).row(1, "Donation Payment", "5.00", "0.00", "5.00", "OK", null)
                .row(2, "Mystery Transfer", "5.00", "0.00", "5.00", "BAD", null);
        HttpResponse<String> rejected = FinanceFiles.postCsv("/api/finance/paypal/activity", file.bytes(),
                treasurer.bearer(), "Accept-Language", "fr");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonObject problem = TestServer.json(rejected);
        assertThat(problem.getString("type")).isEqualTo("urn:herdbook:problem:finance-import-rejected");
        assertThat(problem.getJsonArray("rejected").getJsonObject(0).getInt("line")).isEqualTo(3);
        assertThat(problem.getJsonArray("rejected").getJsonObject(0).getString("reason"))
                .contains("Type de transaction inconnu « Mystery Transfer »");
        JsonObject month = TestServer.json(TestServer.get(TestServer.newSession(),
                "/api/finance/reconciliations/" + file.month(), "Authorization", treasurer.bearer()));
        assertThat(month.getJsonArray("items")).as("nothing half imported").isEmpty();

        for (byte[] bad : List.of("\"Date\",\"Time\"\r\n\"1\",\"2\"\r\n".getBytes(),
                (FinanceFiles.ENGLISH_HEADER + "\r\n\"10/01/2300\",\"12:00:00\",\"CDT\",\"Some \"body\",\"x\"\r\n").getBytes(),
                "Date,Heure\nd\u00e9j\u00e0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))) {
            HttpResponse<String> refused = FinanceFiles.postCsv("/api/finance/paypal/activity", bad, treasurer.bearer());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(TestServer.json(refused).getJsonArray("rejected")).isNotEmpty();
        }
    }

    @Test
    void aFiftyMegabyteFileIsRefusedWith413() {
        byte[] fifty = new byte[50 * 1024 * 1024];
        Arrays.fill(fifty, (byte) 'x');
        HttpResponse<String> refused = FinanceFiles.postCsv("/api/finance/paypal/activity", fifty, treasurer.bearer());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(refused).getString("detail")).contains("larger than the limit");
    }

    @Test
    void financeOperationsDeclareTheirRoles() {
        Person member = TestPeople.withRoles("Member", "member");
        Person secretary = TestPeople.withRoles("Secretary", "secretary");
        byte[] csv = FinanceFiles.typicalMonth(false).bytes();
        assertThat(FinanceFiles.postCsv("/api/finance/paypal/activity", csv, member.bearer()).statusCode()).isEqualTo(403);
        assertThat(FinanceFiles.postCsv("/api/finance/paypal/activity", csv, null).statusCode()).isEqualTo(401);
        for (Person person : List.of(member, secretary)) {
            assertThat(TestServer.get(TestServer.newSession(), "/api/finance/runway", "Authorization", person.bearer())
                    .statusCode()).isEqualTo(403);
            assertThat(TestServer.get(TestServer.newSession(), "/api/finance/reconciliations/2300-01", "Authorization",
                    person.bearer()).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> runway = TestServer.get(TestServer.newSession(), "/api/finance/runway", "Authorization",
                treasurer.bearer());
        assertThat(runway.statusCode()).as(runway.body()).isEqualTo(200);
        assertThat(TestServer.json(runway).getInt("targetMonths")).isEqualTo(6);
        assertThat(TestServer.json(runway).getString("cashOnHand")).startsWith("CAD ");
        assertThat(TestServer.get(TestServer.newSession(), "/api/finance/reconciliations/not-a-month", "Authorization",
                treasurer.bearer()).statusCode()).isEqualTo(400);
    }

    @Test
    void sponsorshipAmountsAreOnlyForTheTreasurerAndTheBoard() {
        String sponsor = "Secret Patron " + java.util.UUID.randomUUID();
        HttpResponse<String> recorded = TestServer.postJson(TestServer.newSession(), "/api/finance/sponsorships",
                Json.createObjectBuilder().add("sponsor", sponsor).add("anonymous", true).add("amount", "4321.00")
                        .add("currency", "CAD").add("startsOn", "2026-01-01").add("endsOn", "2026-12-31").build().toString(),
                "Authorization", treasurer.bearer());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        Person board = TestPeople.withRoles("Board", "board");
        Person member = TestPeople.withRoles("Member", "member");
        Person secretary = TestPeople.withRoles("Secretary", "secretary");
        for (String bearer : java.util.Arrays.asList(null, member.bearer(), secretary.bearer())) {
            HttpResponse<String> list = bearer == null ? TestServer.get(TestServer.newSession(), "/api/finance/sponsorships")
                    : TestServer.get(TestServer.newSession(), "/api/finance/sponsorships", "Authorization", bearer);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).doesNotContain("4321", sponsor).contains("\"anonymous\":true");
        }
        for (Person allowed : List.of(treasurer, board)) {
            assertThat(TestServer.get(TestServer.newSession(), "/api/finance/sponsorships", "Authorization",
                    allowed.bearer()).body()).contains("CAD 4321.00", sponsor);
        }
    }

    @Test
    void aLargeExpenseWaitsForASecondBoardMember() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4\n%test invoice\n".getBytes());
        HttpResponse<String> small = TestServer.postJson(TestServer.newSession(), "/api/finance/expenses",
                expense("Domains Inc.", "5200", "12.00", pdf), "Authorization", treasurer.bearer());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat(TestServer.json(small).getBoolean("booked")).isTrue();

        HttpResponse<String> large = TestServer.postJson(TestServer.newSession(), "/api/finance/expenses",
                expense("Cloud Hosting SA", "5000", "2400.00", pdf), "Authorization", treasurer.bearer());
        assertThat(TestServer.json(large).getBoolean("booked")).isFalse();
        String id = TestServer.json(large).getString("id");
        Person board = TestPeople.withRoles("Director", "board");
        HttpResponse<String> approved = FinanceFiles.post("/api/finance/expenses/" + id + "/approval", board.bearer());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(TestServer.json(approved).getBoolean("booked")).isTrue();

        HttpResponse<String> notPdf = TestServer.postJson(TestServer.newSession(), "/api/finance/expenses",
                expense("X", "5000", "1.00", Base64.getEncoder().encodeToString("<html>".getBytes())),
                "Authorization", treasurer.bearer());
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(notPdf).getString("detail")).contains("PDF");
        HttpResponse<String> noVendor = TestServer.postJson(TestServer.newSession(), "/api/finance/expenses",
                expense(" ", "5000", "1.00", null), "Authorization", treasurer.bearer());
        assertThat(noVendor.statusCode()).isEqualTo(400);
    }

    @Test
    void transactionsAreSyncedFromPaypalsTransactionSearchThroughTheSdk() throws Exception {
        int port = Integer.getInteger("herdbook.it.paypal.port", 9182);
        try (PaypalEmulator emulator = PaypalEmulator.start(port, "herdbook-it-client", "herdbook-it-emulator-only")) {
            String id = "API-" + java.util.UUID.randomUUID();
            emulator.add(new EmulatedTransaction(id, "T0013", Instant.parse("2300-02-10T18:00:00Z"), "CAD", "40.00",
                    "-1.46", "S", null, "donor@example.org"));
            HttpResponse<String> synced = FinanceFiles.post(
                    "/api/finance/paypal/transaction-search?from=2300-01-15&to=2300-03-20", treasurer.bearer());
            assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
            assertThat(TestServer.json(synced).getInt("booked")).isEqualTo(1);
            assertThat(emulator.requests().stream().filter(r -> r.startsWith("GET /v1/reporting/transactions")))
                    .as("65 days: three windows").hasSize(3);
            HttpResponse<String> again = FinanceFiles.post(
                    "/api/finance/paypal/transaction-search?from=2300-02-01&to=2300-02-28", treasurer.bearer());
            assertThat(TestServer.json(again).getInt("duplicates")).isEqualTo(1);
        }
    }

    @Test
    void theOperationsAreDescribedWithStableIds() {
        String openapi = TestServer.get(TestServer.newSession(), "/openapi").body();
        assertThat(openapi).contains("operationId: importPaypalActivity", "operationId: getReconciliation",
                "operationId: closeMonth", "operationId: recordExpense", "operationId: getRunway");
    }

    private static String expense(String vendor, String account, String amount, String invoice) {
        var body = Json.createObjectBuilder().add("vendor", vendor).add("account", account).add("paidFrom", "1000")
                .add("date", "2026-10-12").add("amount", amount).add("currency", "CAD").add("note", "test");
        if (invoice != null) {
            body.add("invoice", Json.createObjectBuilder().add("fileName", "invoice.pdf")
                    .add("contentType", "application/pdf").add("content", invoice));
        }
        return body.build().toString();
    }
}
