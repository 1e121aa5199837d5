package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.herdbook.paypal.emulator.Checkout;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Donations end to end: the page or the API, approval at the (emulated) PayPal, capture, books, letter, receipt. */
class DonationIT {

    private final PaypalEmulator emulator;
    private final Checkout paypal;
    private final String payer = "donor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    DonationIT() throws Exception {
        TestMail.server();
        emulator = TestPaypal.start();
        paypal = emulator.checkout();
        paypal.payerEmail(payer);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static JsonObject create(String amount, String name, String language) {
        var body = Json.createObjectBuilder().add("amount", amount).add("language", language);
        if (name != null) {
            body.add("name", name);
        }
        HttpResponse<String> created = TestServer.postJson(TestServer.newSession(), "/api/donations", body.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestServer.json(created);
    }

    /** The donor's browser at PayPal: approval, then the redirect back to Herdbook's return page. */
    private static String approveAtPaypal(String approvalUrl) throws Exception {
        HttpResponse<String> atPaypal = TestServer.newSession().send(HttpRequest.newBuilder(URI.create(approvalUrl))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(atPaypal.statusCode()).isEqualTo(302);
        return atPaypal.headers().firstValue("Location").orElseThrow();
    }

    private static long entries(String transactionId) {
        return TestDatabase.number("SELECT count(*) FROM finance.journal_entry WHERE paypal_txn_id = ?", transactionId);
    }

    @Test
    void aDonationFromThePageIsApprovedCapturedBookedOnceThankedAndReceiptedInFrench() throws Exception {
        HttpClient browser = TestServer.newSession();
        HttpResponse<String> page = TestServer.get(browser, "/donate.xhtml", "Accept-Language", "fr");
        assertThat(page.body()).contains("Faire un don", "anonymement");
        HttpResponse<String> sent = TestServer.submitForm(browser, "/donate.xhtml", page.body(), "donate",
                Map.of("amount", "40.00", "name", "Éloïse", "message", "Bon courage !"), "Accept-Language", "fr");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String back = approveAtPaypal(sent.headers().firstValue("Location").orElseThrow());
        assertThat(back).startsWith(TestServer.url("/donation-return.xhtml?token="));

        HttpResponse<String> returned = TestServer.open(browser, back, "Accept-Language", "fr");
        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(returned.body()).contains("PayPal confirme votre don", "40,00");
        String orderId = back.substring(back.indexOf("token=") + 6, back.indexOf('&'));
        String captureId = paypal.captureOf(orderId);
        assertThat(entries(captureId)).isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.posting p JOIN finance.journal_entry e ON e.id ="
                + " p.entry_id WHERE e.paypal_txn_id = ? AND p.account_code = '6000' AND p.amount = 1.46", captureId))
                .as("PayPal's fee from seller_receivable_breakdown").isEqualTo(1);

        // The webhook comes after the return page: nothing more is booked.
        assertThat(paypal.send(paypal.lastEvent("PAYMENT.CAPTURE.COMPLETED"))).isEqualTo(200);
        assertThat(TestServer.open(browser, back, "Accept-Language", "fr").statusCode()).isEqualTo(200);
        assertThat(entries(captureId)).isEqualTo(1);
        assertThat(paypal.captureCount()).isEqualTo(1);

        TestMail.Letter letter = TestMail.awaitLetter(payer, "Merci pour votre don");
        assertThat(letter.body()).contains("40,00", "/receipt.pdf", "Votre reçu est joint");
        assertThat(TestMail.lettersTo(payer)).hasSize(1);
        assertThat(receiptText(letter)).contains("Reçu de don", "Éloïse", captureId);
        String receiptPath = letter.body().substring(letter.body().indexOf(TestServer.url("/api/donations/")))
                .lines().findFirst().orElseThrow().strip().substring(TestServer.url("").length());
        HttpResponse<byte[]> receipt = TestServer.newSession().send(HttpRequest.newBuilder(URI.create(TestServer.url(
                receiptPath))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        assertThat(new String(receipt.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void theWebhookBeforeTheReturnPageGivesOneEntryAndOneLetterWithTheReceiptInTheDonorsLanguage() throws Exception {
        JsonObject started = create("25.00", "Théo", "fr");
        String orderId = started.getString("orderId");
        paypal.approve(orderId);
        // The donor's capture reaches PayPal but every answer is lost: Herdbook gives up, nothing booked yet.
        paypal.fault("POST /v2/checkout/orders/" + orderId + "/capture", 3, 503, Duration.ZERO);
        HttpResponse<String> lost = TestServer.postJson(TestServer.newSession(), "/api/donations/" + orderId + "/capture", "");
        assertThat(lost.statusCode()).isEqualTo(409);
        String captureId = paypal.captureOf(orderId);
        assertThat(entries(captureId)).isZero();

        // The webhook alone books it and thanks the donor, in French, with the receipt attached. The
        // capture does not name its payer, so Herdbook asks PayPal for the order, after the webhook's
        // commit: a stalled answer (then a 503, then the order) holds up no booking and no answer.
        paypal.fault("GET /v2/checkout/orders/" + orderId, 1, 503, Duration.ofSeconds(2));
        String webhook = paypal.lastEvent("PAYMENT.CAPTURE.COMPLETED");
        assertThat(paypal.send(webhook)).isEqualTo(200);
        assertThat(entries(captureId)).isEqualTo(1);
        assertThat(TestMail.lettersTo(payer)).as("answered before PayPal told who paid").isEmpty();
        TestMail.Letter letter = TestMail.awaitLetter(payer, "Merci pour votre don");
        assertThat(letter.language()).isEqualTo("fr");
        assertThat(letter.body()).contains("25,00", "Votre reçu est joint", "/receipt.pdf");
        assertThat(receiptText(letter)).contains("Reçu de don", "Théo", "25,00", captureId);

        // The donor comes back afterwards, and PayPal retries the webhook: still one entry, one letter.
        HttpResponse<String> captured = TestServer.postJson(TestServer.newSession(), "/api/donations/" + orderId
                + "/capture", "");
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
        assertThat(TestServer.json(captured).getString("fee")).isEqualTo("1.03");
        assertThat(paypal.send(webhook)).isEqualTo(200);
        assertThat(entries(captureId)).isEqualTo(1);
        assertThat(paypal.captureCount()).isEqualTo(1);
        assertThat(TestMail.lettersTo(payer)).as("one letter").hasSize(1);
    }

    /** The one PDF attached to {@code letter}, as text. */
    private static String receiptText(TestMail.Letter letter) throws java.io.IOException {
        assertThat(letter.attachments()).hasSize(1);
        TestMail.Attachment receipt = letter.attachments().get(0);
        assertThat(receipt.contentType()).startsWith("application/pdf");
        assertThat(receipt.fileName()).endsWith(".pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(receipt.content())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    @Test
    void paypalTimeoutsAreRetriedWithTheSameRequestIdAndCreateOneOrder() {
        int before = paypal.orderCount();
        paypal.fault("POST /v2/checkout/orders", 1, 0, Duration.ofSeconds(5));
        paypal.fault("POST /v2/checkout/orders", 1, 502, Duration.ZERO);
        JsonObject started = create("10.00", "Ada", "en");
        assertThat(paypal.orderCount()).isEqualTo(before + 1);
        assertThat(emulator.requests()).filteredOn(request -> request.equals("POST /v2/checkout/orders")).hasSize(3);
        assertThat(started.getString("approvalUrl")).contains(started.getString("orderId"));
    }

    @Test
    void badDonationsAreRefusedInTheVisitorsLanguageAndNothingIsStored() {
        long before = TestDatabase.number("SELECT count(*) FROM finance.donation");
        for (String amount : new String[] {"", "abc", "0", "-5", "1.234", "1000000"}) {
            HttpResponse<String> refused = TestServer.postJson(TestServer.newSession(), "/api/donations",
                    Json.createObjectBuilder().add("amount", amount).build().toString(), "Accept-Language", "fr");
            assertThat(refused.statusCode()).as(amount).isEqualTo(400);
            assertThat(TestServer.json(refused).getString("detail")).contains("montant");
        }
        HttpResponse<String> longName = TestServer.postJson(TestServer.newSession(), "/api/donations",
                Json.createObjectBuilder().add("amount", "5").add("name", "x".repeat(101)).build().toString());
        assertThat(longName.statusCode()).isEqualTo(400);
        HttpClient browser = TestServer.newSession();
        HttpResponse<String> page = TestServer.get(browser, "/donate.xhtml", "Accept-Language", "fr");
        HttpResponse<String> refusedPage = TestServer.submitForm(browser, "/donate.xhtml", page.body(),
                "donate", Map.of("amount", "zéro"), "Accept-Language", "fr");
        assertThat(refusedPage.statusCode()).isEqualTo(400);
        assertThat(refusedPage.body()).contains("Le montant doit être supérieur à zéro");
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.donation")).isEqualTo(before);
        assertThat(TestServer.postJson(TestServer.newSession(), "/api/donations/NOT-AN-ORDER/capture", "").statusCode())
                .isEqualTo(404);
        assertThat(TestServer.postJson(TestServer.newSession(), "/api/donations/not_an%20order%21/capture", "").statusCode())
                .isEqualTo(404);
        assertThat(TestServer.get(TestServer.newSession(), "/api/donations/" + UUID.randomUUID() + "/receipt.pdf")
                .statusCode()).isEqualTo(404);
    }
}
