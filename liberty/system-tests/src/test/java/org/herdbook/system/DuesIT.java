package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.herdbook.paypal.emulator.Checkout;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dues through PayPal subscriptions, end to end: plans set up once, a member subscribes on the
 * page, approves at the (emulated) PayPal, comes back to the status PayPal reports, and PayPal's
 * signed webhooks move their standing and the books; failed payments, cancellation.
 *
 * <p>One emulator for the class: the dues product and plans are created at PayPal once, as in
 * production, and every test subscribes to them.
 */
class DuesIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE));
    private static PaypalEmulator emulator;
    private static Checkout paypal;
    private static JsonArray plans;

    @BeforeAll
    static void setUpPlansOnce() throws Exception {
        emulator = TestPaypal.start();
        paypal = emulator.checkout();
        TestPeople.Person admin = TestPeople.withRoles("dues admin", "admin");
        String tiers = Json.createObjectBuilder().add("productName", "Cotisation / Dues").add("tiers",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Standard").add("amount", "5.00"))
                        .add(Json.createObjectBuilder().add("name", "Supporter").add("amount", "15.00"))).build().toString();
        HttpResponse<String> created = TestServer.postJson(TestServer.newSession(), "/api/finance/dues/plans", tiers,
                "Authorization", admin.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        plans = TestServer.jsonArray(created);
        assertThat(paypal.productCount()).isEqualTo(1);
        assertThat(paypal.planCount()).isEqualTo(2);
        HttpResponse<String> again = TestServer.postJson(TestServer.newSession(), "/api/finance/dues/plans", tiers,
                "Authorization", admin.bearer());
        assertThat(again.statusCode()).as("set up once").isEqualTo(409);
        assertThat(paypal.productCount()).isEqualTo(1);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String plan(int index) {
        return plans.getJsonObject(index).getString("planId");
    }

    private static JsonObject membership(TestPeople.Person member) {
        return TestServer.json(TestServer.get(TestServer.newSession(), "/api/me/membership", "Authorization",
                member.bearer()));
    }

    /** {@code member} subscribes to plan {@code plan} through the API and approves at PayPal; the subscription's id. */
    private static String subscribeAndApprove(TestPeople.Person member, int plan) throws Exception {
        HttpResponse<String> started = TestServer.postJson(TestServer.newSession(), "/api/me/dues-subscription",
                Json.createObjectBuilder().add("planId", plan(plan)).build().toString(), "Authorization", member.bearer());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        followAtPaypal(TestServer.json(started).getString("approvalUrl"));
        return TestServer.json(started).getString("subscriptionId");
    }

    private static HttpResponse<String> followAtPaypal(String approvalUrl) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(approvalUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMemberSubscribesOnThePageApprovesAtPaypalAndMonthlyPaymentsKeepThemActiveWithFeesBooked() throws Exception {
        TestPeople.Person member = TestPeople.speaking("fr", "abonnée", "member");
        HttpClient browser = TestPeople.signedIn(member.email(), TestPeople.PASSWORD);
        HttpResponse<String> page = TestServer.get(browser, "/member/dues.xhtml");
        assertThat(page.body()).contains("Ma cotisation", "Standard", "Supporter");

        HttpResponse<String> sent = TestServer.submitForm(browser, "/member/dues.xhtml", page.body(), "subscribe",
                Map.of("plan", plan(0)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        HttpResponse<String> atPaypal = followAtPaypal(sent.headers().firstValue("Location").orElseThrow());
        String back = atPaypal.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(TestServer.url("/member/dues.xhtml?subscription_id="));
        String subscriptionId = back.substring(back.indexOf("subscription_id=") + 16, back.indexOf('&'));

        HttpResponse<String> returned = TestServer.open(browser, back);
        assertThat(returned.body()).contains("actif", subscriptionId);
        assertThat(paypal.lastEvent("PAYMENT.SALE.COMPLETED")).contains("\"custom\":\"" + member.id() + "\"");

        // PayPal's webhooks: activation and the first payment, then a second month.
        assertThat(paypal.send(paypal.lastEvent("BILLING.SUBSCRIPTION.ACTIVATED"))).isEqualTo(200);
        String firstSale = paypal.lastEvent("PAYMENT.SALE.COMPLETED");
        assertThat(paypal.send(firstSale)).isEqualTo(200);
        assertThat(paypal.send(firstSale)).as("a retry").isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("active");
        assertThat(paypal.send(paypal.chargeSubscription(subscriptionId, Instant.now()))).isEqualTo(200);
        JsonObject file = membership(member);
        assertThat(file.getString("paidUntil")).isEqualTo(TODAY.plusMonths(2).minusDays(1).toString());
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_payment WHERE account_id = ?::uuid"
                + " AND source = 'paypal'", member.id())).isEqualTo(2);
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.journal_entry e JOIN finance.posting p ON"
                + " p.entry_id = e.id WHERE e.paypal_txn_id IN (SELECT reference FROM governance.dues_payment WHERE"
                + " account_id = ?::uuid) AND p.account_code = '6000' AND p.amount = 0.45", member.id()))
                .as("two entries, each with PayPal's fee of 0.45 on 5.00").isEqualTo(2);

        // Cancelling on the page: PayPal says cancelled; the months paid stay paid.
        HttpResponse<String> withCancel = TestServer.get(browser, "/member/dues.xhtml");
        HttpResponse<String> cancelled = TestServer.submitForm(browser, "/member/dues.xhtml", withCancel.body(), "cancel",
                Map.of());
        assertThat(cancelled.body()).contains("annulé");
        assertThat(paypal.send(paypal.lastEvent("BILLING.SUBSCRIPTION.CANCELLED"))).isEqualTo(200);
        JsonObject afterCancelling = membership(member);
        assertThat(afterCancelling.getString("standing")).isEqualTo("active");
        assertThat(afterCancelling.getJsonObject("duesSubscription").getString("status")).isEqualTo("cancelled");
        assertThat(TestServer.get(browser, "/member/index.xhtml").body())
                .contains("annulé (les mois payés restent payés)");
    }

    @Test
    void suspensionReactivationRefundsAndExpiryMoveTheStandingOnceEachInAnyOrder() throws Exception {
        TestPeople.Person member = TestPeople.withRoles("refunded subscriber", "member");
        String id = subscribeAndApprove(member, 0);
        String firstSale = paypal.lastEvent("PAYMENT.SALE.COMPLETED");
        String firstSaleId = Json.createReader(new java.io.StringReader(firstSale)).readObject().getJsonObject("resource")
                .getString("id");
        assertThat(paypal.send(firstSale)).isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("active");

        // Suspended by PayPal: in grace; active again while the month paid still covers today: active.
        String suspended = paypal.changeSubscription(id, "SUSPENDED");
        assertThat(paypal.send(suspended)).isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("in-grace");
        assertThat(membership(member).getJsonObject("duesSubscription").getString("status")).isEqualTo("suspended");
        assertThat(paypal.send(paypal.changeSubscription(id, "ACTIVE"))).isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("active");
        assertThat(paypal.send(suspended)).as("PayPal retries the suspension").isEqualTo(200);
        String olderSuspension = suspended.replaceFirst("\"id\":\"WH-[^\"]+\"", "\"id\":\"WH-LATE-"
                + java.util.UUID.randomUUID() + "\"").replaceFirst("\"create_time\":\"[^\"]+\"", "\"create_time\":\""
                + Instant.now().minus(Duration.ofHours(1)) + "\"");
        assertThat(paypal.send(olderSuspension)).as("a suspension older than the re-activation, arriving late")
                .isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("active");
        assertThat(membership(member).getJsonObject("duesSubscription").getString("status")).isEqualTo("active");

        // A second month's refund arrives before its sale: that month never counts.
        String secondSale = paypal.chargeSubscription(id, Instant.now());
        String secondSaleId = Json.createReader(new java.io.StringReader(secondSale)).readObject()
                .getJsonObject("resource").getString("id");
        assertThat(paypal.send(paypal.refundSale(secondSaleId, false))).isEqualTo(200);
        assertThat(paypal.send(secondSale)).isEqualTo(200);
        assertThat(membership(member).getString("paidUntil")).isEqualTo(TODAY.plusMonths(1).minusDays(1).toString());

        // The first month reversed by the payer's bank: withdrawn (a record of its own), nothing covers today.
        String reversal = paypal.refundSale(firstSaleId, true);
        assertThat(paypal.send(reversal)).isEqualTo(200);
        assertThat(paypal.send(reversal)).as("a retry").isEqualTo(200);
        JsonObject file = membership(member);
        assertThat(file.getString("standing")).isEqualTo("in-grace");
        assertThat(file.get("paidUntil")).as("nothing paid counts any more").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(file.getJsonArray("duesPayments")).hasSize(1);
        assertThat(file.getJsonArray("duesPayments").getJsonObject(0).getString("withdrawal")).isEqualTo("reversed");
        assertThat(file.getJsonArray("duesPayments").getJsonObject(0).getString("withdrawnOn")).isEqualTo(TODAY.toString());
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_payment WHERE account_id = ?::uuid",
                member.id())).as("the payment itself is kept as it was").isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_withdrawal WHERE reference IN (?, ?)",
                firstSaleId, secondSaleId)).isEqualTo(2);
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.standing_change WHERE account_id = ?::uuid"
                + " AND standing = 'in-grace'", member.id())).as("grace twice: suspension, reversal").isEqualTo(2);
        String reversalId = Json.createReader(new java.io.StringReader(reversal)).readObject().getJsonObject("resource")
                .getString("id");
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.posting p JOIN finance.journal_entry e ON e.id ="
                + " p.entry_id WHERE e.paypal_txn_id = ? AND p.account_code = '4000' AND p.amount = 5.00", reversalId))
                .as("the reversal booked against dues, once").isEqualTo(1);

        // Expired: recorded and shown; the standing follows the calendar, nothing more at once.
        assertThat(paypal.send(paypal.changeSubscription(id, "EXPIRED"))).isEqualTo(200);
        JsonObject expired = membership(member);
        assertThat(expired.getJsonObject("duesSubscription").getString("status")).isEqualTo("expired");
        assertThat(expired.getString("standing")).isEqualTo("in-grace");

        // The member's data export holds the withdrawals and every subscription change too.
        JsonObject exported = TestServer.json(TestServer.get(TestServer.newSession(), "/api/me/data", "Authorization",
                member.bearer())).getJsonObject("membership");
        assertThat(exported.getJsonArray("duesWithdrawals").getValuesAs(JsonObject.class))
                .extracting(w -> w.getString("reference"), w -> w.getString("cause"))
                .contains(org.assertj.core.groups.Tuple.tuple(firstSaleId, "reversed"));
        assertThat(exported.getJsonArray("duesSubscriptionChanges").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("status")).contains("suspended", "active", "expired");
    }

    @Test
    void throughTheApiAFailedPaymentPutsTheMemberInGraceAndCancellingTwiceIsRefused() throws Exception {
        TestPeople.Person member = TestPeople.withRoles("api subscriber", "member");
        HttpResponse<String> started = TestServer.postJson(TestServer.newSession(), "/api/me/dues-subscription",
                Json.createObjectBuilder().add("planId", plan(1)).build().toString(), "Authorization", member.bearer());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonObject subscription = TestServer.json(started);
        assertThat(subscription.getString("status")).isEqualTo("APPROVAL_PENDING");
        String id = subscription.getString("subscriptionId");
        JsonObject before = TestServer.json(TestServer.get(TestServer.newSession(), "/api/me/dues-subscription",
                "Authorization", member.bearer()));
        assertThat(before.getString("status")).as("read from PayPal").isEqualTo("APPROVAL_PENDING");

        followAtPaypal(subscription.getString("approvalUrl"));
        assertThat(TestServer.json(TestServer.get(TestServer.newSession(), "/api/me/dues-subscription",
                "Authorization", member.bearer())).getString("status")).isEqualTo("ACTIVE");
        paypal.send(paypal.lastEvent("PAYMENT.SALE.COMPLETED"));
        assertThat(membership(member).getString("standing")).isEqualTo("active");
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.posting p JOIN finance.journal_entry e ON e.id ="
                + " p.entry_id JOIN governance.dues_payment d ON d.reference = e.paypal_txn_id WHERE d.account_id ="
                + " ?::uuid AND p.account_code = '6000' AND p.amount = 0.74", member.id())).isEqualTo(1);

        assertThat(paypal.send(paypal.failSubscriptionPayment(id))).isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("in-grace");

        HttpResponse<String> cancelled = TestServer.postJson(TestServer.newSession(),
                "/api/me/dues-subscription/cancellation", "", "Authorization", member.bearer());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(TestServer.json(cancelled).getString("status")).isEqualTo("CANCELLED");
        assertThat(TestServer.postJson(TestServer.newSession(), "/api/me/dues-subscription/cancellation", "",
                "Authorization", member.bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPartialRefundLeavesTheMonthPaidAndRefundsAddingUpToThePaymentWithdrawIt() throws Exception {
        TestPeople.Person member = TestPeople.withRoles("partly refunded", "member");
        String id = subscribeAndApprove(member, 0);
        String sale = paypal.lastEvent("PAYMENT.SALE.COMPLETED");
        JsonObject saleResource = Json.createReader(new java.io.StringReader(sale)).readObject().getJsonObject("resource");
        String saleId = saleResource.getString("id");
        java.math.BigDecimal paid = new java.math.BigDecimal(saleResource.getJsonObject("amount").getString("total"));
        assertThat(paypal.send(sale)).isEqualTo(200);
        assertThat(membership(member).getString("standing")).isEqualTo("active");

        // One unit back (and PayPal retrying it): the books show it, the month stays paid.
        String part = paypal.refundSalePartly(saleId, "1.00");
        assertThat(paypal.send(part)).isEqualTo(200);
        assertThat(paypal.send(part)).as("a retry").isEqualTo(200);
        JsonObject file = membership(member);
        assertThat(file.getString("standing")).isEqualTo("active");
        assertThat(file.getString("paidUntil")).isEqualTo(TODAY.plusMonths(1).minusDays(1).toString());
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.dues_withdrawal WHERE reference = ?", saleId))
                .isZero();
        String partId = Json.createReader(new java.io.StringReader(part)).readObject().getJsonObject("resource")
                .getString("id");
        assertThat(TestDatabase.number("SELECT count(*) FROM finance.posting p JOIN finance.journal_entry e ON e.id ="
                + " p.entry_id WHERE e.paypal_txn_id = ? AND p.account_code = '4000' AND p.amount = 1.00", partId))
                .as("the part refunded booked against dues, once").isEqualTo(1);

        // The rest back: together they are the whole payment, which no longer counts.
        assertThat(paypal.send(paypal.refundSalePartly(saleId, paid.subtract(java.math.BigDecimal.ONE).toPlainString())))
                .isEqualTo(200);
        JsonObject after = membership(member);
        assertThat(after.getString("standing")).isEqualTo("in-grace");
        assertThat(after.getJsonArray("duesPayments").getJsonObject(0).getString("withdrawal")).isEqualTo("refunded");
        JsonObject exported = TestServer.json(TestServer.get(TestServer.newSession(), "/api/me/data", "Authorization",
                member.bearer())).getJsonObject("membership");
        assertThat(exported.getJsonArray("duesRefunds").getValuesAs(JsonObject.class))
                .extracting(refund -> refund.getString("reference"), refund -> refund.getString("amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(saleId, "1.00"),
                        org.assertj.core.groups.Tuple.tuple(saleId, paid.subtract(java.math.BigDecimal.ONE)
                                .setScale(2).toPlainString()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestDatabase.update(
                "UPDATE governance.dues_refund SET amount = 0.01 WHERE reference = ?", saleId))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("append-only");
        assertThat(paypal.send(paypal.changeSubscription(id, "CANCELLED"))).isEqualTo(200);
    }

    @Test
    void aProjectMemberWhoseDuesPaymentFailsStaysActive() throws Exception {
        TestPeople.Person board = TestPeople.withRoles("dues director", "board");
        TestPeople.Person member = TestPeople.withRoles("project subscriber", "member");
        HttpResponse<String> granted = TestServer.postJson(TestServer.newSession(), "/api/members/" + member.id()
                + "/project-membership", Json.createObjectBuilder().add("project", "Moderation tooling")
                .add("description", "Report triage bot").add("evidenceUrl", "https://git.example/triage")
                .add("startsOn", java.time.LocalDate.now(java.time.ZoneId.of(TestServer.FOUNDATION_ZONE)).toString())
                .add("reviewOn", java.time.LocalDate.now(java.time.ZoneId.of(TestServer.FOUNDATION_ZONE)).plusYears(1)
                        .toString()).build().toString(), "Authorization", board.bearer());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String id = subscribeAndApprove(member, 1);
        paypal.send(paypal.lastEvent("PAYMENT.SALE.COMPLETED"));
        assertThat(membership(member).getString("standing")).isEqualTo("active");

        assertThat(paypal.send(paypal.failSubscriptionPayment(id))).isEqualTo(200);
        assertThat(membership(member).getString("standing")).as("a project member's standing rests on the board's grant")
                .isEqualTo("active");
        assertThat(TestDatabase.number("SELECT count(*) FROM governance.standing_change WHERE account_id = ?::uuid"
                + " AND standing = 'in-grace'", member.id())).isZero();
    }

    @Test
    void paypal5xxAndTimeoutsOnSubscribingAreRetriedAndMakeOneSubscription() {
        TestPeople.Person member = TestPeople.withRoles("retrying subscriber", "member");
        int before = paypal.subscriptionCount();
        paypal.fault("POST /v1/billing/subscriptions", 1, 503, Duration.ZERO);
        paypal.fault("POST /v1/billing/subscriptions", 1, 0, Duration.ofSeconds(5));
        HttpResponse<String> started = TestServer.postJson(TestServer.newSession(), "/api/me/dues-subscription",
                Json.createObjectBuilder().add("planId", plan(0)).build().toString(), "Authorization", member.bearer());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(paypal.subscriptionCount()).isEqualTo(before + 1);
    }

    @Test
    void badRequestsAreRefusedAndCreateNothingAtPaypal() {
        int before = paypal.subscriptionCount();
        TestPeople.Person member = TestPeople.speaking("fr", "sans formule", "member");
        HttpResponse<String> unknown = TestServer.postJson(TestServer.newSession(), "/api/me/dues-subscription",
                Json.createObjectBuilder().add("planId", "P-NOPE").build().toString(), "Authorization", member.bearer(),
                "Accept-Language", "fr");
        assertThat(unknown.statusCode()).isEqualTo(404);
        TestPeople.Person notAMember = TestPeople.withRoles("treasurer only", "treasurer");
        HttpResponse<String> refused = TestServer.postJson(TestServer.newSession(), "/api/me/dues-subscription",
                Json.createObjectBuilder().add("planId", plan(0)).build().toString(), "Authorization",
                notAMember.bearer());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(TestServer.get(TestServer.newSession(), "/api/me/dues-subscription", "Authorization",
                member.bearer()).statusCode()).isEqualTo(404);
        assertThat(paypal.subscriptionCount()).isEqualTo(before);
    }
}
