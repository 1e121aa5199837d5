package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.herdbook.system.TestPeople.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The monthly report end to end on a month of its own (May 2003, which no other test books into):
 * ledger fixtures written straight into the finance tables, every figure recomputed here from those
 * fixtures and compared with the JSON, the CSV, the public page and the PDF's text in English and
 * French; sponsorship amounts nowhere; publication by the board only, of a closed month only; the
 * database refusing to change a published report; the signature failing on a changed PDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportIT {

    private static final String MONTH = "2003-05";
    private static final String NBSP = "\u00a0";
    private static final String SCRIPT = "<script>alert('x')</script>";

    private final Person treasurer = TestPeople.withRoles("Trésorière", "treasurer");
    private final Person board = TestPeople.withRoles("Conseil", "board");
    private final List<Fixture> ledger = new ArrayList<>();

    /** One journal entry: its date, description, postings (debit positive) and, for expenses, the vendor and note. */
    record Fixture(LocalDate date, String description, Map<String, String> postings, String vendor, String note) {
        BigDecimal on(String account) {
            return postings.containsKey(account) ? new BigDecimal(postings.get(account)) : BigDecimal.ZERO;
        }

        boolean inMay() {
            return date.getYear() == 2003 && date.getMonthValue() == 5;
        }
    }

    @BeforeAll
    void bookTheMonth() throws SQLException {
        fixture("2003-05-02", "Donation via PayPal", Map.of("1010", "48.25", "6000", "1.75", "4100", "-50.00"), null, null);
        fixture("2003-05-03", "Donation by transfer", Map.of("1000", "1234.50", "4100", "-1234.50"), null, null);
        fixture("2003-05-09", "Donation", Map.of("1000", "5.05", "4100", "-5.05"), null, null);
        fixture("2003-05-10", "Dues", Map.of("1000", "30.00", "4000", "-30.00"), null, null);
        fixture("2003-05-11", "Sponsor A", Map.of("1000", "7777.77", "4200", "-7777.77"), null, null);
        fixture("2003-05-12", "Sponsor B", Map.of("1000", "3333.33", "4200", "-3333.33"), null, null);
        fixture("2003-05-13", "Grant", Map.of("1000", "100.00", "4900", "-100.00"), null, null);
        fixture("2003-05-20", "Compute", Map.of("5000", "600.00", "1000", "-600.00"), "Hetzner Online",
                "Two servers for Zoë " + SCRIPT);
        fixture("2003-05-21", "Domain renewal", Map.of("5200", "15.25", "1000", "-15.25"), null, null);
        fixture("2003-04-15", "April dues", Map.of("1000", "200.00", "4000", "-200.00"), null, null);
        fixture("2003-06-01", "June donation", Map.of("1000", "999.99", "4100", "-999.99"), null, null);
        try (Connection connection = TestDatabase.connect()) {
            for (Fixture entry : ledger) {
                UUID id = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.journal_entry (id,"
                        + " entry_date, occurred_at, description, source, recorded_by) VALUES (?, ?, now(), ?, 'manual', 'it')")) {
                    insert.setObject(1, id);
                    insert.setObject(2, entry.date());
                    insert.setString(3, entry.description());
                    insert.executeUpdate();
                }
                // All of an entry's postings in one statement: the ledger checks balance per statement.
                StringBuilder sql = new StringBuilder("INSERT INTO finance.posting (entry_id, entry_date, account_code,"
                        + " currency, amount) VALUES ");
                List<Map.Entry<String, String>> postings = new ArrayList<>(entry.postings().entrySet());
                for (int i = 0; i < postings.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 'CAD', ?)");
                }
                try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    int index = 1;
                    for (Map.Entry<String, String> posting : postings) {
                        insert.setObject(index++, id);
                        insert.setObject(index++, entry.date());
                        insert.setString(index++, posting.getKey());
                        insert.setBigDecimal(index++, new BigDecimal(posting.getValue()));
                    }
                    insert.executeUpdate();
                }
                if (entry.vendor() != null) {
                    String account = entry.postings().keySet().stream().filter(code -> code.startsWith("5")).findFirst()
                            .orElseThrow();
                    TestDatabase.update("INSERT INTO finance.expense (id, vendor, account_code, paid_from, spent_on,"
                            + " currency, amount, note, recorded_by, needs_approval, entry_id) VALUES (?, ?, ?, '1000', ?,"
                            + " 'CAD', ?, ?, 'it', false, ?)", UUID.randomUUID(), entry.vendor(), account, entry.date(),
                            entry.on(account), entry.note(), id);
                }
            }
        }
        // Two members: both join in May, one lapses before the month ends; one pays a year of dues.
        Person first = TestPeople.withRoles("Membre Un", "member");
        Person second = TestPeople.withRoles("Membre Deux", "member");
        for (Person member : List.of(first, second)) {
            TestDatabase.update("INSERT INTO governance.standing_change (account_id, standing, effective_on, cause)"
                    + " VALUES (?, 'active', DATE '2003-05-10', 'dues-payment')", UUID.fromString(member.id()));
        }
        TestDatabase.update("INSERT INTO governance.standing_change (account_id, standing, effective_on, cause)"
                + " VALUES (?, 'lapsed', DATE '2003-05-25', 'dues-overdue')", UUID.fromString(second.id()));
        TestDatabase.update("INSERT INTO governance.dues_payment (id, account_id, amount, currency, paid_on, covers_until,"
                + " source) VALUES (?, ?, 120.00, 'CAD', DATE '2003-05-10', DATE '2004-05-09', 'hand')", UUID.randomUUID(),
                UUID.fromString(first.id()));
    }

    private void fixture(String date, String description, Map<String, String> postings, String vendor, String note) {
        ledger.add(new Fixture(LocalDate.parse(date), description, postings, vendor, note));
    }

    private BigDecimal income(String account) {
        return ledger.stream().filter(Fixture::inMay).map(entry -> entry.on(account)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .negate();
    }

    private BigDecimal expense(String account) {
        return ledger.stream().filter(Fixture::inMay).map(entry -> entry.on(account)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<BigDecimal> donations() {
        return ledger.stream().filter(Fixture::inMay).map(entry -> entry.on("4100").negate())
                .filter(amount -> amount.signum() > 0).toList();
    }

    private BigDecimal cashAtEndOfMay() {
        return ledger.stream().filter(entry -> !entry.date().isAfter(LocalDate.of(2003, 5, 31)))
                .map(entry -> entry.on("1000").add(entry.on("1010"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aMonthIsDraftedPublishedByTheBoardAndShownAlikeEverywhere() throws Exception {
        HttpClient client = TestServer.newSession();
        HttpResponse<String> instance = TestServer.putJson(client, "/api/reports/" + MONTH + "/instance-figures",
                "{\"users\":5321,\"activeUsers\":1200,\"newUsers\":45,\"reportsOpened\":12,\"reportsResolved\":10,"
                        + "\"appealsReceived\":3,\"appealsApproved\":1}", treasurer.bearer());
        assertThat(instance.statusCode()).as(instance.body()).isEqualTo(200);

        HttpResponse<String> drafted = TestServer.postJson(client, "/api/reports/" + MONTH + "/draft", "",
                "Authorization", treasurer.bearer());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        assertThat(TestServer.json(drafted).getBoolean("monthClosed")).as("the draft says the month is open").isFalse();
        HttpResponse<String> early = TestServer.postJson(client, "/api/reports/" + MONTH + "/publication", "",
                "Authorization", board.bearer(), "Accept-Language", "fr");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(TestServer.json(early).getString("detail")).contains("pas encore clos");

        HttpResponse<String> narrative = TestServer.putJson(client, "/api/reports/" + MONTH + "/draft/narrative",
                Json.createObjectBuilder().add("en", "A good month, thanks to Zoë. " + SCRIPT)
                        .add("fr", "Un bon mois, merci à Zoë. " + SCRIPT).build().toString(), treasurer.bearer());
        assertThat(narrative.statusCode()).as(narrative.body()).isEqualTo(200);
        TestDatabase.update("INSERT INTO finance.closed_month (month, closed_by) VALUES (DATE '2003-05-01', 'it')");

        HttpResponse<String> byTreasurer = TestServer.postJson(client, "/api/reports/" + MONTH + "/publication", "",
                "Authorization", treasurer.bearer());
        assertThat(byTreasurer.statusCode()).isEqualTo(403);
        HttpResponse<String> published = TestServer.postJson(client, "/api/reports/" + MONTH + "/publication", "",
                "Authorization", board.bearer());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(TestServer.json(published).getInt("version")).isEqualTo(1);

        // JSON: every figure, recomputed from the fixtures.
        JsonObject report = TestServer.json(TestServer.get(TestServer.newSession(), "/api/reports/" + MONTH));
        JsonObject figures = report.getJsonObject("figures");
        JsonObject revenue = figures.getJsonObject("revenue");
        BigDecimal dues = income("4000");
        BigDecimal donated = income("4100");
        BigDecimal other = income("4900");
        BigDecimal fees = expense("6000");
        BigDecimal total = dues.add(donated).add(other);
        BigDecimal expenses = expense("5000").add(expense("5200"));
        assertThat(figures.getBoolean("monthClosed")).isTrue();
        assertThat(amount(revenue, "dues")).isEqualByComparingTo(dues);
        assertThat(amount(revenue, "donations")).isEqualByComparingTo(donated);
        assertThat(amount(revenue, "other")).isEqualByComparingTo(other);
        assertThat(revenue.getJsonObject("sponsorships").getInt("count")).isEqualTo(2);
        assertThat(amount(revenue, "totalExcludingSponsorships")).isEqualByComparingTo(total);
        assertThat(amount(revenue, "paymentFees")).isEqualByComparingTo(fees);
        assertThat(amount(revenue, "net")).isEqualByComparingTo(total.subtract(fees));
        assertThat(amount(figures, "expensesTotal")).isEqualByComparingTo(expenses);
        assertThat(amount(figures, "result")).isEqualByComparingTo(total.subtract(fees).subtract(expenses));
        JsonObject expenseLine = figures.getJsonArray("expenses").getJsonObject(0);
        assertThat(expenseLine.getString("vendor")).isEqualTo("Hetzner Online");
        assertThat(expenseLine.getString("note")).isEqualTo("Two servers for Zoë " + SCRIPT);
        assertThat(amount(expenseLine, "amount")).isEqualByComparingTo("600.00");
        assertThat(figures.getJsonArray("expenses").getJsonObject(1).isNull("vendor")).isTrue();
        JsonObject donations = figures.getJsonObject("donations");
        List<BigDecimal> gifts = donations();
        BigDecimal average = donated.divide(BigDecimal.valueOf(gifts.size()), 2, RoundingMode.HALF_EVEN);
        assertThat(donations.getInt("count")).isEqualTo(gifts.size());
        assertThat(amount(donations, "average")).isEqualByComparingTo(average);
        assertThat(amount(donations, "largest")).isEqualByComparingTo(gifts.stream().max(BigDecimal::compareTo).orElseThrow());
        assertThat(amount(donations, "smallest")).isEqualByComparingTo(gifts.stream().min(BigDecimal::compareTo).orElseThrow());
        JsonObject recurring = figures.getJsonObject("recurring");
        assertThat(recurring.getInt("donors")).isEqualTo(1);
        assertThat(amount(recurring, "monthlyRecurringRevenue")).as("a year of dues, a twelfth a month").isEqualByComparingTo("10.00");
        JsonObject runway = figures.getJsonObject("runway");
        BigDecimal cash = cashAtEndOfMay();
        BigDecimal monthly = expenses.add(fees).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_EVEN);
        assertThat(amount(runway, "cashOnHand")).isEqualByComparingTo(cash);
        assertThat(amount(runway, "averageMonthlyExpenses")).isEqualByComparingTo(monthly);
        assertThat(amount(runway, "months")).isEqualByComparingTo(cash.divide(monthly, 1, RoundingMode.DOWN));
        JsonObject membership = figures.getJsonObject("membership");
        assertThat(membership.getInt("joined")).isEqualTo(2);
        assertThat(membership.getInt("lapsed")).isEqualTo(1);
        assertThat(membership.getJsonArray("counts").getValuesAs(JsonObject.class)).anySatisfy(count -> {
            assertThat(count.getString("class")).isEqualTo("general");
            assertThat(count.getString("standing")).isEqualTo("active");
            assertThat(count.getInt("count")).isEqualTo(1);
        });
        assertThat(figures.getJsonObject("instance").getInt("users")).isEqualTo(5321);
        assertThat(figures.getJsonObject("instance").getInt("appealsApproved")).isEqualTo(1);
        assertThat(figures.getJsonArray("revenueHistory")).hasSize(12);
        assertThat(amount(figures.getJsonArray("revenueHistory").getJsonObject(10), "amount")).isEqualByComparingTo("200.00");
        assertThat(report.getJsonObject("narrative").getString("en")).endsWith(SCRIPT);

        // The same figures, formatted, on the page and in the PDF, in both languages.
        List<String> english = List.of(money(dues, false), money(donated, false), money(total, false),
                money(fees, false), money(expenses, false), money(average, false), money(cash, false),
                "Sponsorships (2, confidential)", "5,321", "Hetzner Online");
        List<String> french = List.of(money(dues, true), money(donated, true), money(total, true), money(fees, true),
                money(expenses, true), money(average, true), money(cash, true), "Commandites (2, confidentiel)",
                "5" + NBSP + "321", "Hetzner Online");
        String pageEn = html(TestServer.get(TestServer.newSession(), "/reports/month.xhtml?month=" + MONTH,
                "Accept-Language", "en").body());
        String pageFr = html(TestServer.get(TestServer.newSession(), "/reports/month.xhtml?month=" + MONTH,
                "Accept-Language", "fr").body());
        assertThat(pageEn).contains(english).contains("Monthly report — May 2003", "<svg")
                .contains("&lt;script&gt;alert(").doesNotContain(SCRIPT);
        assertThat(pageFr).contains(french).contains("Rapport mensuel — mai 2003", "Un bon mois, merci à Zoë.")
                .doesNotContain(SCRIPT);

        HttpResponse<byte[]> pdf = bytes("/api/reports/" + MONTH + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains(english).contains(french).contains("A good month, thanks to Zoë. " + SCRIPT,
                TestServer.FOUNDATION_NAME, "Page 1 of", "/reports/verify.xhtml");

        String csv = TestServer.get(TestServer.newSession(), "/api/reports/" + MONTH + "/figures.csv").body();
        assertThat(csv).contains("\"revenue\",\"dues\",\"" + dues.toPlainString() + "\",\"CAD\"",
                "\"revenue\",\"sponsorships.amount\",\"confidential\"");

        // Sponsorship amounts, alone or summed, appear nowhere public.
        String listing = TestServer.get(TestServer.newSession(), "/api/reports").body();
        for (String output : List.of(report.toString(), pageEn, pageFr, text, csv, listing)) {
            String plain = output.replace(NBSP, " ");
            assertThat(plain).doesNotContain("7777.77", "7,777.77", "7 777,77", "3333.33", "3,333.33", "3 333,33",
                    "11111.10", "11,111.10", "11 111,10");
        }

        // The signature: the JWS's hash is the PDF's, signed by a key published at /api/keys.
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertThat(report.getString("pdfSha256")).isEqualTo(sha256);
        String[] jws = report.getString("signature").split("\\.");
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(jws[1]),
                StandardCharsets.UTF_8))).readObject();
        assertThat(claims.getString("sha256")).isEqualTo(sha256);
        assertThat(claims.getString("month")).isEqualTo(MONTH);
        JsonObject key = TestServer.json(TestServer.get(TestServer.newSession(), "/api/keys")).getJsonArray("keys")
                .getJsonObject(0);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(ed25519Key(key.getString("x")));
        ed25519.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(ed25519.verify(Base64.getUrlDecoder().decode(jws[2]))).isTrue();

        JsonObject verified = TestServer.json(verify(pdf.body()));
        assertThat(verified.getBoolean("verified")).isTrue();
        assertThat(verified.getJsonArray("matches").getJsonObject(0).getString("month")).isEqualTo(MONTH);
        byte[] changed = pdf.body().clone();
        changed[changed.length / 2] ^= 1;
        JsonObject refused = TestServer.json(verify(changed));
        assertThat(refused.getBoolean("verified")).isFalse();
        assertThat(refused.getJsonArray("matches")).isEmpty();

        // Anonymous visitors get the published page from the public page cache once it was rendered, per
        // language; a signed-in visitor's page is their own, and a request with other parameters is rendered.
        String monthPage = "/reports/month.xhtml?month=" + MONTH;
        HttpResponse<String> cachedEn = TestServer.get(TestServer.newSession(), monthPage, "Accept-Language", "en");
        assertThat(cachedEn.headers().firstValue("Cache-Status")).contains("herdbook-pages; hit");
        assertThat(html(cachedEn.body())).isEqualTo(pageEn).doesNotContain("signed-in-as");
        assertThat(cachedEn.headers().allValues("Set-Cookie")).as("reading a report starts no session").isEmpty();
        HttpResponse<String> cachedFr = TestServer.get(TestServer.newSession(), monthPage, "Accept-Language", "fr");
        assertThat(cachedFr.headers().firstValue("Cache-Status")).contains("herdbook-pages; hit");
        assertThat(html(cachedFr.body())).isEqualTo(pageFr);
        HttpClient boardSession = TestPeople.signedIn(board.email(), TestPeople.PASSWORD);
        HttpResponse<String> boardsOwn = TestServer.get(boardSession, monthPage);
        assertThat(boardsOwn.headers().firstValue("Cache-Status")).isEmpty();
        assertThat(boardsOwn.body()).contains("id=\"signed-in-as\"", board.email(), "id=\"nav-report-drafts\"");
        assertThat(TestServer.get(TestServer.newSession(), monthPage).body()).doesNotContain(board.email());
        HttpResponse<String> withOther = TestServer.get(TestServer.newSession(), monthPage + "&utm=x");
        assertThat(withOther.headers().firstValue("Cache-Status")).isEmpty();
        assertThat(withOther.body()).contains("Monthly report — May 2003");

        // Published means immutable, whoever asks: the database refuses, and a correction is a new version.
        assertThatThrownBy(() -> TestDatabase.update("UPDATE reports.monthly_report SET narrative_en = 'rewritten'"
                + " WHERE month = DATE '2003-05-01' AND state = 'published'")).isInstanceOf(SQLException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> TestDatabase.update("DELETE FROM reports.monthly_report WHERE month = DATE '2003-05-01'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        HttpResponse<String> again = TestServer.postJson(client, "/api/reports/" + MONTH + "/publication", "",
                "Authorization", board.bearer());
        assertThat(again.statusCode()).as("no draft left to publish").isEqualTo(404);
        TestServer.putJson(client, "/api/reports/" + MONTH + "/draft/narrative",
                "{\"en\":\"Corrected.\",\"fr\":\"Corrigé.\"}", treasurer.bearer());
        HttpResponse<String> correction = TestServer.postJson(client, "/api/reports/" + MONTH + "/publication", "",
                "Authorization", board.bearer());
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
        assertThat(TestServer.json(correction).getInt("version")).isEqualTo(2);
        assertThat(TestServer.json(correction).getInt("replacesVersion")).isEqualTo(1);
        // The cached pages of the month went with the publication: the correction shows at once. A first
        // visitor with a path parameter (which the page's links would repeat) does not fill the cache.
        HttpResponse<String> withPathParameter = TestServer.get(TestServer.newSession(),
                "/reports/month.xhtml;planted=1?month=" + MONTH, "Accept-Language", "en");
        assertThat(withPathParameter.headers().firstValue("Cache-Status")).isEmpty();
        HttpResponse<String> corrected = TestServer.get(TestServer.newSession(), monthPage, "Accept-Language", "en");
        assertThat(corrected.headers().firstValue("Cache-Status")).contains("herdbook-pages; fwd=miss");
        assertThat(corrected.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(corrected.body()).contains("Corrected.", "id=\"versions\"").doesNotContain("planted");
        assertThat(TestServer.get(TestServer.newSession(), monthPage, "Accept-Language", "en").body())
                .isEqualTo(corrected.body());
        JsonObject first = TestServer.json(TestServer.get(TestServer.newSession(), "/api/reports/" + MONTH + "?version=1"));
        assertThat(first.getString("pdfSha256")).isEqualTo(sha256);
        assertThat(first.getJsonObject("narrative").getString("en")).endsWith(SCRIPT);
        assertThat(TestServer.get(TestServer.newSession(), "/reports/index.xhtml").body()).contains("data-month=\"" + MONTH + "\"");
    }

    @Test
    void aMonthWithNoDataIsDraftedWithZerosAndBadMonthsAreRefused() {
        HttpClient client = TestServer.newSession();
        HttpResponse<String> drafted = TestServer.postJson(client, "/api/reports/2003-01/draft", "", "Authorization",
                treasurer.bearer());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        JsonObject figures = TestServer.json(drafted).getJsonObject("figures");
        assertThat(figures.getBoolean("monthClosed")).isFalse();
        assertThat(amount(figures.getJsonObject("revenue"), "net")).isZero();
        assertThat(figures.getJsonObject("donations").getInt("count")).isZero();
        assertThat(figures.getJsonObject("donations").isNull("average")).isTrue();
        assertThat(figures.isNull("instance")).isTrue();

        HttpResponse<String> notAMonth = TestServer.postJson(client, "/api/reports/2003-13/draft", "", "Authorization",
                treasurer.bearer(), "Accept-Language", "fr");
        assertThat(notAMonth.statusCode()).isEqualTo(400);
        assertThat(notAMonth.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(TestServer.json(notAMonth).getString("detail")).contains("n’est pas un mois");
        HttpResponse<String> future = TestServer.postJson(client, "/api/reports/2999-01/draft", "", "Authorization",
                treasurer.bearer());
        assertThat(future.statusCode()).isEqualTo(409);
        HttpResponse<String> nothing = TestServer.get(client, "/api/reports/2003-02");
        assertThat(nothing.statusCode()).isEqualTo(404);
        HttpResponse<String> page = TestServer.get(client, "/reports/month.xhtml?month=2003-02", "Accept-Language", "fr");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Aucun rapport n’a été publié pour ce mois");
        HttpResponse<String> badInstance = TestServer.putJson(client, "/api/reports/2003-01/instance-figures",
                "{\"users\":1,\"activeUsers\":1,\"newUsers\":1,\"reportsOpened\":1,\"reportsResolved\":1,"
                        + "\"appealsReceived\":1,\"appealsApproved\":2}", treasurer.bearer());
        assertThat(badInstance.statusCode()).isEqualTo(400);
        assertThat(TestDatabase.number("SELECT count(*) FROM reports.instance_figures WHERE month = DATE '2003-01-01'")).isZero();
    }

    /** Faces may write a no-break space as an entity; the text is the same. */
    private static String html(String body) {
        return body.replace("&nbsp;", NBSP).replace("&#160;", NBSP);
    }

    @Test
    void instanceFiguresComeFromMastodonsAdminApiAndKeepTheTypedAppeals() {
        FakeMastodon mastodon = FakeMastodon.running();
        mastodon.measuresFor("2003-07-01", new FakeMastodon.Measures(8000, 2100, 77, 19, 17));
        HttpClient client = TestServer.newSession();
        HttpResponse<String> typed = TestServer.putJson(client, "/api/reports/2003-07/instance-figures",
                "{\"users\":1,\"activeUsers\":1,\"newUsers\":1,\"reportsOpened\":1,\"reportsResolved\":1,"
                        + "\"appealsReceived\":4,\"appealsApproved\":2}", treasurer.bearer());
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        int refusedBefore = mastodon.adminRefusals();
        HttpResponse<String> fetched = TestServer.postJson(client, "/api/reports/2003-07/instance-figures/mastodon", "",
                "Authorization", board.bearer());
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        assertThat(mastodon.adminRefusals()).as("the configured admin token was sent").isEqualTo(refusedBefore);
        JsonObject instance = TestServer.json(fetched).getJsonObject("instance");
        assertThat(instance.getInt("users")).isEqualTo(8000);
        assertThat(instance.getInt("activeUsers")).isEqualTo(2100);
        assertThat(instance.getInt("newUsers")).isEqualTo(77);
        assertThat(instance.getInt("reportsOpened")).isEqualTo(19);
        assertThat(instance.getInt("reportsResolved")).isEqualTo(17);
        assertThat(instance.getInt("appealsReceived")).as("appeals are only ever typed").isEqualTo(4);
        assertThat(instance.getInt("appealsApproved")).isEqualTo(2);
        assertThat(instance.getString("source")).isEqualTo("mastodon");
        assertThat(TestDatabase.number("SELECT active_users FROM reports.instance_figures WHERE month = DATE '2003-07-01'"))
                .isEqualTo(2100);
    }

    private static BigDecimal amount(JsonObject json, String name) {
        return new BigDecimal(json.getString(name));
    }

    /** {@code $1,234.50} / {@code 1 234,50 $} with no-break spaces, as the report writes amounts. */
    private static String money(BigDecimal amount, boolean french) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        String plain = format.format(amount);
        if (!french) {
            return "$" + plain;
        }
        return plain.replace(",", NBSP).replace('.', ',') + NBSP + "$";
    }

    private static HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return TestServer.newSession().send(HttpRequest.newBuilder(URI.create(TestServer.url(path)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> verify(byte[] pdf) throws IOException, InterruptedException {
        return TestServer.newSession().send(HttpRequest.newBuilder(URI.create(TestServer.url("/api/reports/verification")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An Ed25519 public key from its JWK {@code x} (RFC 8037): little-endian y, x's parity in the top bit. */
    private static PublicKey ed25519Key(String x) throws Exception {
        byte[] bytes = Base64.getUrlDecoder().decode(x);
        boolean odd = (bytes[bytes.length - 1] & 0x80) != 0;
        bytes[bytes.length - 1] &= 0x7f;
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                new EdECPoint(odd, new BigInteger(1, bigEndian))));
    }
}
