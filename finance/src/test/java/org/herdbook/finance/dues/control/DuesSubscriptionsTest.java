package org.herdbook.finance.dues.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.entity.DuesPlan;
import org.herdbook.finance.dues.entity.DuesSubscription;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.api.PaypalClient;
import org.herdbook.finance.paypal.search.PaypalApiAccess;
import org.herdbook.finance.testing.Books;
import org.herdbook.paypal.emulator.EmulatorRoute;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dues plans and subscriptions through the PayPal SDK (and direct calls) against the emulator. */
class DuesSubscriptionsTest {

    private static final Currency CAD = Currency.getInstance("CAD");
    private static final URI RETURN = URI.create("http://localhost/member/dues.xhtml");
    private static final List<DuesSubscriptions.Tier> TIERS = List.of(
            new DuesSubscriptions.Tier("Standard", Money.parse("CAD 5.00")),
            new DuesSubscriptions.Tier("Supporter", Money.parse("CAD 15.00")));

    private final PaypalEmulator emulator;
    private final Books books = new Books();
    private final DuesSubscriptions dues;

    DuesSubscriptionsTest() throws Exception {
        emulator = PaypalEmulator.start(0, "client-id", "client-secret");
        PaypalClient client = new PaypalClient(new PaypalApiAccess("client-id", "client-secret", true),
                Duration.ofSeconds(2), List.of(new EmulatorRoute(emulator.baseUrl())));
        dues = new DuesSubscriptions(books.database, () -> Optional.of(client));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private List<DuesPlan> setUp() {
        return books.database.inTransaction(() -> dues.setUp("Membership dues", TIERS, CAD, "admin"));
    }

    @Test
    void theProductAndPlansAreCreatedOnce() {
        List<DuesPlan> plans = setUp();

        assertThat(plans).extracting(DuesPlan::tier).containsExactly("Standard", "Supporter");
        assertThat(dues.plans()).isEqualTo(plans);
        assertThat(emulator.checkout().productCount()).isEqualTo(1);
        assertThat(emulator.checkout().planCount()).isEqualTo(2);
        assertThat(emulator.requests()).contains("POST /v1/catalogs/products", "POST /v1/billing/plans");
        assertThatThrownBy(this::setUp).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.dues.alreadySetUp"));
        assertThat(emulator.checkout().productCount()).isEqualTo(1);
    }

    @Test
    void badTiersAreRefusedAndNothingIsCreated() {
        for (List<DuesSubscriptions.Tier> tiers : List.of(List.<DuesSubscriptions.Tier>of(),
                List.of(new DuesSubscriptions.Tier("Free", Money.parse("CAD 0.00"))),
                List.of(new DuesSubscriptions.Tier(" ", Money.parse("CAD 5.00"))),
                List.of(new DuesSubscriptions.Tier("A", Money.parse("CAD 5.00")),
                        new DuesSubscriptions.Tier("A", Money.parse("CAD 6.00"))),
                List.of(new DuesSubscriptions.Tier("Euro", Money.parse("EUR 5.00"))))) {
            assertThatThrownBy(() -> books.database.inTransaction(() -> dues.setUp("Dues", tiers, CAD, "admin")))
                    .isInstanceOf(Refusal.class);
        }
        assertThat(emulator.checkout().productCount()).isZero();
        assertThat(dues.plans()).isEmpty();
    }

    @Test
    void aMemberSubscribesApprovesAtPaypalSeesTheRealStatusAndCancels() throws Exception {
        DuesPlan standard = setUp().get(0);
        DuesSubscription started = books.database.inTransaction(() -> dues.start("member-1", standard.planId(), RETURN,
                RETURN));
        assertThat(started.approvalUrl()).isNotNull();
        assertThat(dues.current("member-1")).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo("APPROVAL_PENDING"));

        HttpResponse<Void> approval = HttpClient.newHttpClient().send(HttpRequest.newBuilder(started.approvalUrl()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(approval.statusCode()).isEqualTo(302);
        assertThat(approval.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(RETURN + "?subscription_id=" + started.subscriptionId()));

        assertThat(dues.current("member-1")).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
        assertThat(emulator.checkout().lastEvent("PAYMENT.SALE.COMPLETED")).contains("\"custom\":\"member-1\"",
                "\"billing_agreement_id\":\"" + started.subscriptionId() + "\"");

        DuesSubscription cancelled = books.database.inTransaction(() -> dues.cancel("member-1", "Moving on"));
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(emulator.checkout().lastEvent("BILLING.SUBSCRIPTION.CANCELLED")).contains(started.subscriptionId());
        assertThatThrownBy(() -> books.database.inTransaction(() -> dues.cancel("member-1", "again")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.dues.noSubscription"));
        assertThat(dues.current("member-2")).isEmpty();
    }

    @Test
    void anUnknownPlanIsRefused() {
        setUp();
        assertThatThrownBy(() -> books.database.inTransaction(() -> dues.start("member-1", "P-NOPE", RETURN, RETURN)))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("finance.dues.unknownPlan"));
        assertThat(emulator.checkout().subscriptionCount()).isZero();
    }

    @Test
    void timeoutsAnd5xxOnCreateCallsAreRetriedWithTheSameRequestId() {
        emulator.checkout().fault("POST /v1/catalogs/products", 1, 503, Duration.ZERO);
        emulator.checkout().fault("POST /v1/billing/plans", 1, 0, Duration.ofSeconds(4));
        DuesPlan plan = setUp().get(0);
        assertThat(emulator.checkout().productCount()).isEqualTo(1);
        assertThat(emulator.checkout().planCount()).isEqualTo(2);

        emulator.checkout().fault("POST /v1/billing/subscriptions", 1, 500, Duration.ZERO);
        emulator.checkout().fault("POST /v1/billing/subscriptions", 1, 0, Duration.ofSeconds(4));
        books.database.inTransaction(() -> dues.start("member-9", plan.planId(), RETURN, RETURN));
        assertThat(emulator.checkout().subscriptionCount()).isEqualTo(1);
        assertThat(emulator.requests()).filteredOn(request -> request.equals("POST /v1/billing/subscriptions")).hasSize(3);
    }
}
