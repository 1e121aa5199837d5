package org.herdbook.finance.dues.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paypal.sdk.models.BillingPlan;
import com.paypal.sdk.models.CancelSubscriptionInput;
import com.paypal.sdk.models.CancelSubscriptionRequest;
import com.paypal.sdk.models.CreateBillingPlanInput;
import com.paypal.sdk.models.CreateSubscriptionInput;
import com.paypal.sdk.models.CreateSubscriptionRequest;
import com.paypal.sdk.models.Frequency;
import com.paypal.sdk.models.IntervalUnit;
import com.paypal.sdk.models.LinkDescription;
import com.paypal.sdk.models.PaymentPreferences;
import com.paypal.sdk.models.PlanRequest;
import com.paypal.sdk.models.PlanRequestStatus;
import com.paypal.sdk.models.Subscription;
import com.paypal.sdk.models.SubscriptionApplicationContext;
import com.paypal.sdk.models.SubscriptionBillingCycle;
import com.paypal.sdk.models.SubscriptionPricingScheme;
import com.paypal.sdk.models.TenureType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.entity.DuesPlan;
import org.herdbook.finance.dues.entity.DuesSubscription;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.api.PaypalAccount;
import org.herdbook.finance.paypal.api.PaypalClient;

/**
 * The dues product and plans, and members' subscriptions, at PayPal.
 *
 * <p>Setting up takes a database lock and refuses when plans exist, so the product and plans
 * are created once even when two administrators try at the same moment. Every create call
 * carries a {@code PayPal-Request-Id} and is retried with it after a timeout or a 5xx, so a
 * retry never makes a second product, plan or subscription.
 */
@ApplicationScoped
public class DuesSubscriptions {

    /** A tier as the administrator gives it. */
    public record Tier(String name, Money monthly) {
    }

    static final int MAX_TIERS = 10;
    private static final long SETUP_LOCK = 0x4845524444L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    PaypalAccount account;

    protected DuesSubscriptions() {
    }

    public DuesSubscriptions(DataSource dataSource, PaypalAccount account) {
        this.dataSource = dataSource;
        this.account = account;
    }

    /**
     * Creates the dues product (a direct call: the SDK has no catalog API) and one monthly plan
     * per tier (through the SDK), once.
     *
     * @throws Refusal {@code finance.dues.alreadySetUp}, {@code finance.dues.noTiers}, {@code .tierName}, {@code .currency}
     */
    public List<DuesPlan> setUp(String productName, List<Tier> tiers, Currency currency, String createdBy) {
        if (tiers == null || tiers.isEmpty() || tiers.size() > MAX_TIERS
                || tiers.stream().anyMatch(tier -> tier.monthly() == null || !tier.monthly().isPositive())) {
            throw Refusal.invalid("finance.dues.noTiers");
        }
        Set<String> names = new HashSet<>();
        for (Tier tier : tiers) {
            if (tier.name() == null || tier.name().isBlank() || tier.name().strip().length() > 60
                    || !names.add(tier.name().strip())) {
                throw Refusal.invalid("finance.dues.tierName");
            }
            if (!tier.monthly().getCurrency().equals(currency)) {
                throw Refusal.invalid("finance.dues.currency", currency.getCurrencyCode());
            }
        }
        String product = productName == null || productName.isBlank() ? "Membership dues" : productName.strip();
        if (product.length() > 127) {
            throw Refusal.invalid("finance.dues.tierName");
        }
        PaypalClient client = client();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, SETUP_LOCK);
                lock.execute();
            }
            if (!plans().isEmpty()) {
                throw Refusal.conflict("finance.dues.alreadySetUp");
            }
            UUID setup = UUID.randomUUID();
            ObjectNode productRequest = JSON.createObjectNode().put("name", product).put("type", "SERVICE")
                    .put("category", "MEMBERSHIP_CLUBS_AND_ORGANIZATIONS")
                    .put("description", "Monthly membership dues");
            String productId = client.direct("POST", "/v1/catalogs/products", "product-" + setup, productRequest)
                    .path("id").asText();
            List<DuesPlan> created = new ArrayList<>();
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                String requestId = "plan-" + setup + "-" + i;
                PlanRequest plan = new PlanRequest.Builder(productId, product + " — " + tier.name().strip(),
                        List.of(new SubscriptionBillingCycle.Builder(new Frequency.Builder(IntervalUnit.MONTH)
                                .intervalCount(1).build(), TenureType.REGULAR, 1).totalCycles(0)
                                .pricingScheme(new SubscriptionPricingScheme.Builder().fixedPrice(
                                        new com.paypal.sdk.models.Money(tier.monthly().getCurrency().getCurrencyCode(),
                                                tier.monthly().getAmount().toPlainString())).build()).build()),
                        new PaymentPreferences.Builder().autoBillOutstanding(true).paymentFailureThreshold(3).build())
                        .status(PlanRequestStatus.ACTIVE).build();
                BillingPlan answer = client.withRetries("create plan", () -> client.sdk().getSubscriptionsController()
                        .createBillingPlan(new CreateBillingPlanInput.Builder().body(plan).paypalRequestId(requestId)
                                .prefer("return=representation").build()).getResult());
                DuesPlan duesPlan = new DuesPlan(answer.getId(), productId, tier.name().strip(), i, tier.monthly());
                insert(connection, duesPlan, createdBy);
                created.add(duesPlan);
            }
            return created;
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** The plans, in the order the administrator gave them. */
    public List<DuesPlan> plans() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT plan_id, product_id, tier, position,"
                        + " currency, amount FROM finance.dues_plan ORDER BY position");
                ResultSet rows = select.executeQuery()) {
            List<DuesPlan> plans = new ArrayList<>();
            while (rows.next()) {
                plans.add(new DuesPlan(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                        Money.of(rows.getBigDecimal(6), Currency.getInstance(rows.getString(5).strip()))));
            }
            return plans;
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /**
     * Starts a subscription of {@code member} to plan {@code planId}; the member approves it at the
     * returned link.
     *
     * @throws Refusal {@code finance.dues.unknownPlan} (404)
     */
    public DuesSubscription start(String member, String planId, URI returnUrl, URI cancelUrl) {
        if (plans().stream().noneMatch(plan -> plan.planId().equals(planId))) {
            throw Refusal.notFound("finance.dues.unknownPlan");
        }
        PaypalClient client = client();
        UUID requestId = UUID.randomUUID();
        CreateSubscriptionRequest request = new CreateSubscriptionRequest.Builder(planId).customId(member)
                .applicationContext(new SubscriptionApplicationContext.Builder(returnUrl.toString(), cancelUrl.toString())
                        .build()).build();
        Subscription created = client.withRetries("create subscription", () -> client.sdk().getSubscriptionsController()
                .createSubscription(new CreateSubscriptionInput.Builder().body(request)
                        .paypalRequestId(requestId.toString()).prefer("return=representation").build()).getResult());
        URI approval = approval(created.getLinks());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.dues_subscription"
                        + " (subscription_id, member, plan_id, request_id) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, created.getId());
            insert.setString(2, member);
            insert.setString(3, planId);
            insert.setObject(4, requestId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return new DuesSubscription(created.getId(), planId, "APPROVAL_PENDING", approval);
    }

    /**
     * The member's latest subscription, with its status read from PayPal now (the SDK's model has
     * no status: read directly).
     */
    public Optional<DuesSubscription> current(String member) {
        Optional<String[]> latest = latest(member);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        PaypalClient client = client();
        JsonNode subscription = client.direct("GET", "/v1/billing/subscriptions/" + latest.get()[0], null, null);
        String status = subscription.path("status").asText("UNKNOWN");
        URI approval = null;
        if ("APPROVAL_PENDING".equals(status)) {
            for (JsonNode link : subscription.path("links")) {
                if ("approve".equals(link.path("rel").asText())) {
                    approval = URI.create(link.path("href").asText());
                }
            }
        }
        return Optional.of(new DuesSubscription(latest.get()[0], latest.get()[1], status, approval));
    }

    /**
     * Cancels the member's latest subscription at PayPal; the months paid stay paid.
     *
     * @throws Refusal {@code finance.dues.noSubscription} (404)
     */
    public DuesSubscription cancel(String member, String reason) {
        DuesSubscription current = current(member).filter(s -> !"CANCELLED".equals(s.status())
                && !"EXPIRED".equals(s.status())).orElseThrow(() -> Refusal.notFound("finance.dues.noSubscription"));
        PaypalClient client = client();
        client.withRetries("cancel subscription", () -> client.sdk().getSubscriptionsController().cancelSubscription(
                new CancelSubscriptionInput.Builder(current.subscriptionId(), "application/json")
                        .body(new CancelSubscriptionRequest.Builder(reason).build()).build()));
        return current(member).orElseThrow();
    }

    private Optional<String[]> latest(String member) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT subscription_id, plan_id FROM"
                        + " finance.dues_subscription WHERE member = ? ORDER BY created_at DESC LIMIT 1")) {
            select.setString(1, member);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private static void insert(Connection connection, DuesPlan plan, String createdBy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.dues_plan"
                + " (plan_id, product_id, tier, position, currency, amount, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.planId());
            insert.setString(2, plan.productId());
            insert.setString(3, plan.tier());
            insert.setInt(4, plan.position());
            insert.setString(5, plan.monthly().getCurrency().getCurrencyCode());
            insert.setBigDecimal(6, plan.monthly().getAmount());
            insert.setString(7, createdBy);
            insert.executeUpdate();
        }
    }

    private static URI approval(List<LinkDescription> links) {
        return links == null ? null : links.stream().filter(link -> "approve".equals(link.getRel()))
                .map(LinkDescription::getHref).map(URI::create).findFirst().orElse(null);
    }

    private PaypalClient client() {
        return account.client().orElseThrow(() -> Refusal.conflict("finance.paypal.notConfigured"));
    }
}
