package org.herdbook.finance.donation.control;

import com.paypal.sdk.models.AmountWithBreakdown;
import com.paypal.sdk.models.CaptureOrderInput;
import com.paypal.sdk.models.CheckoutPaymentIntent;
import com.paypal.sdk.models.CreateOrderInput;
import com.paypal.sdk.models.GetOrderInput;
import com.paypal.sdk.models.LinkDescription;
import com.paypal.sdk.models.Order;
import com.paypal.sdk.models.OrderRequest;
import com.paypal.sdk.models.OrderStatus;
import com.paypal.sdk.models.OrdersCapture;
import com.paypal.sdk.models.PaymentSource;
import com.paypal.sdk.models.PaypalWallet;
import com.paypal.sdk.models.PaypalWalletExperienceContext;
import com.paypal.sdk.models.PurchaseUnitRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.api.PaypalAccount;
import org.herdbook.finance.paypal.api.PaypalClient;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.paypal.control.PaypalImport;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;

/**
 * Donations: an order created at PayPal, captured when the donor comes back, booked once.
 *
 * <p>The order is created with the donation's id as {@code PayPal-Request-Id} and the capture
 * with a request id derived from it, so a retry after a timeout or a 5xx (or a second visit of
 * the return page) is answered by PayPal with the same order or capture instead of a new one.
 * The capture is booked through the same PayPal booking as the webhook, one entry per capture id.
 */
@ApplicationScoped
public class Donations {

    /** The custom id's prefix on a donation's PayPal order and capture. */
    public static final String CUSTOM_PREFIX = "donation:";
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    static final int MAX_NAME = 100;
    static final int MAX_MESSAGE = 1000;
    private static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Donations.class.getName());

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    PaypalImport paypal;
    @Inject
    PaypalAccount account;

    protected Donations() {
    }

    public Donations(DataSource dataSource, PaypalImport paypal, PaypalAccount account) {
        this.dataSource = dataSource;
        this.paypal = paypal;
        this.account = account;
    }

    /** A donation created at PayPal: where to send the donor to approve it. */
    public record Started(UUID donationId, String orderId, URI approvalUrl) {
    }

    /**
     * Creates the PayPal order for a donation and records it.
     *
     * @param returnUrl where PayPal sends the donor back (PayPal adds {@code token=<order id>})
     * @throws Refusal {@code finance.donation.*} for bad input, {@code finance.paypal.*} when PayPal refuses
     */
    public Started start(Money amount, String donorName, String message, String language, URI returnUrl,
            URI cancelUrl) {
        String name = trimmed(donorName, MAX_NAME, "finance.donation.nameTooLong");
        String note = trimmed(message, MAX_MESSAGE, "finance.donation.messageTooLong");
        if (!amount.isPositive() || amount.getAmount().compareTo(MAX_AMOUNT) > 0) {
            throw Refusal.invalid("finance.donation.amount", MAX_AMOUNT.toPlainString());
        }
        if (!LANGUAGES.contains(language)) {
            throw Refusal.invalid("finance.donation.language");
        }
        PaypalClient client = client();
        UUID id = UUID.randomUUID();
        OrderRequest order = new OrderRequest.Builder(CheckoutPaymentIntent.CAPTURE, List.of(
                new PurchaseUnitRequest.Builder(new AmountWithBreakdown.Builder(amount.getCurrency().getCurrencyCode(),
                        amount.getAmount().toPlainString()).build()).customId(CUSTOM_PREFIX + id)
                        .description("Donation").build()))
                .paymentSource(new PaymentSource.Builder().paypal(new PaypalWallet.Builder().experienceContext(
                        new PaypalWalletExperienceContext.Builder().returnUrl(returnUrl.toString())
                                .cancelUrl(cancelUrl.toString()).build()).build()).build())
                .build();
        Order created = client.withRetries("create order", () -> client.sdk().getOrdersController().createOrder(
                new CreateOrderInput.Builder().body(order).paypalRequestId(id.toString())
                        .prefer("return=representation").build()).getResult());
        URI approval = created.getLinks() == null ? null : created.getLinks().stream()
                .filter(link -> "payer-action".equals(link.getRel()) || "approve".equals(link.getRel()))
                .map(LinkDescription::getHref).map(URI::create).findFirst().orElse(null);
        if (approval == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiRefused", 502);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.donation"
                        + " (id, order_id, currency, amount, donor_name, message, language) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, created.getId());
            insert.setString(3, amount.getCurrency().getCurrencyCode());
            insert.setBigDecimal(4, amount.getAmount());
            insert.setString(5, name);
            insert.setString(6, note);
            insert.setString(7, language);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return new Started(id, created.getId(), approval);
    }

    /**
     * Captures the approved order {@code orderId} (or finds its capture, if it was captured
     * already), books it once and records it.
     *
     * @throws Refusal {@code finance.donation.unknown} (404), {@code finance.donation.notApproved} (409)
     */
    public Donation capture(String orderId) {
        Donation donation = byOrder(orderId).orElseThrow(() -> Refusal.notFound("finance.donation.unknown"));
        PaypalClient client = client();
        if (donation.capture().isPresent()) {
            Donation.Capture recorded = donation.capture().get();
            if (recorded.payerEmail() != null) {
                return donation;
            }
            // The webhook recorded it first; it does not name the payer, the order does.
            Order order = client.withRetries("get order", () -> client.sdk().getOrdersController().getOrder(
                    new GetOrderInput.Builder(orderId).build()).getResult());
            String payer = order.getPayer() == null ? null : order.getPayer().getEmailAddress();
            return new Donation(donation.id(), donation.orderId(), donation.amount(), donation.donorName(),
                    donation.message(), donation.language(), donation.createdAt(), Optional.of(new Donation.Capture(
                            recorded.captureId(), recorded.gross(), recorded.fee(), payer, recorded.capturedAt())));
        }
        Order order;
        try {
            order = client.withRetries("capture order", () -> client.sdk().getOrdersController().captureOrder(
                    new CaptureOrderInput.Builder().id(orderId).paypalRequestId("capture-" + donation.id())
                            .prefer("return=representation").build()).getResult());
        } catch (Refusal refusal) {
            if (PaypalClient.status(refusal) != 422) {
                throw refusal;
            }
            // Not approved yet, or captured already (by an earlier visit whose answer was lost): ask.
            order = client.withRetries("get order", () -> client.sdk().getOrdersController().getOrder(
                    new GetOrderInput.Builder(orderId).build()).getResult());
        }
        if (order.getStatus() != OrderStatus.COMPLETED || order.getPurchaseUnits() == null
                || order.getPurchaseUnits().isEmpty() || order.getPurchaseUnits().get(0).getPayments() == null
                || order.getPurchaseUnits().get(0).getPayments().getCaptures() == null
                || order.getPurchaseUnits().get(0).getPayments().getCaptures().isEmpty()) {
            throw Refusal.conflict("finance.donation.notApproved");
        }
        OrdersCapture capture = order.getPurchaseUnits().get(0).getPayments().getCaptures().get(0);
        Currency currency = Currency.getInstance(capture.getAmount().getCurrencyCode());
        Money gross = Money.of(new BigDecimal(capture.getAmount().getValue()), currency);
        Money fee = capture.getSellerReceivableBreakdown() == null
                || capture.getSellerReceivableBreakdown().getPaypalFee() == null ? Money.zero(currency)
                : Money.of(new BigDecimal(capture.getSellerReceivableBreakdown().getPaypalFee().getValue()), currency);
        String payer = order.getPayer() == null ? null : order.getPayer().getEmailAddress();
        Instant at = instant(capture.getCreateTime());
        paypal.importLines("checkout", null, null, 1, 0, List.of(line(capture.getId(), gross, fee, at)), "paypal-checkout",
                true, ImportProgress.NONE);
        recordCapture(donation.id(), new Donation.Capture(capture.getId(), gross, fee, payer, at));
        return byOrder(orderId).orElseThrow();
    }

    /** How a donation's capture is booked: donations by the gross, fees by PayPal's fee, PayPal by the net. */
    public static PaypalLine line(String captureId, Money gross, Money fee, Instant at) {
        Money kept = fee.isNegative() ? fee : fee.negate();
        return new PaypalLine(captureId, at, LineKind.DONATION, "Donation Payment", "Completed", gross, kept,
                gross.plus(kept), null, null);
    }

    /**
     * Records PayPal's capture of donation {@code donationId} unless one is recorded already; the
     * payer's address is kept from whichever path knew it.
     */
    public void recordCapture(UUID donationId, Donation.Capture capture) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.donation_capture"
                        + " (donation_id, capture_id, gross, fee, payer_email, captured_at)"
                        + " SELECT id, ?, ?, ?, ?, ? FROM finance.donation WHERE id = ?"
                        + " ON CONFLICT (donation_id) DO NOTHING")) {
            insert.setString(1, capture.captureId());
            insert.setBigDecimal(2, capture.gross().getAmount());
            insert.setBigDecimal(3, capture.fee().getAmount().abs());
            insert.setString(4, capture.payerEmail());
            insert.setTimestamp(5, Timestamp.from(capture.capturedAt()));
            insert.setObject(6, donationId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /**
     * The payer's e-mail address: the one recorded with the capture, else the one PayPal has on the
     * order (a capture learnt from the webhook does not name its payer). Empty when neither knows
     * it or PayPal cannot be asked now.
     */
    public Optional<String> payerEmail(Donation donation) {
        Optional<String> recorded = donation.capture().map(Donation.Capture::payerEmail).filter(email -> !email.isBlank());
        if (recorded.isPresent()) {
            return recorded;
        }
        Optional<PaypalClient> client = account.client();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        try {
            Order order = client.get().withRetries("get order", () -> client.get().sdk().getOrdersController().getOrder(
                    new GetOrderInput.Builder(donation.orderId()).build()).getResult());
            return Optional.ofNullable(order.getPayer()).map(payer -> payer.getEmailAddress())
                    .filter(email -> email != null && !email.isBlank());
        } catch (Refusal refusal) {
            LOG.warning(() -> "Cannot ask PayPal for the payer of donation " + donation.id() + ": " + refusal.getMessage());
            return Optional.empty();
        }
    }

    /** Claims the thank-you letter of donation {@code id}: true only the first time. */
    public boolean claimThanks(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO finance.donation_thanks (donation_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, id);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    public Optional<Donation> byOrder(String orderId) {
        return find("d.order_id = ?", orderId);
    }

    public Optional<Donation> byId(UUID id) {
        return find("d.id = ?", id);
    }

    private Optional<Donation> find(String condition, Object value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT d.id, d.order_id, d.currency, d.amount,"
                        + " d.donor_name, d.message, d.language, d.created_at, c.capture_id, c.gross, c.fee,"
                        + " c.payer_email, c.captured_at FROM finance.donation d"
                        + " LEFT JOIN finance.donation_capture c ON c.donation_id = d.id WHERE " + condition)) {
            select.setObject(1, value);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Currency currency = Currency.getInstance(rows.getString(3).strip());
                Optional<Donation.Capture> capture = rows.getString(9) == null ? Optional.empty()
                        : Optional.of(new Donation.Capture(rows.getString(9), Money.of(rows.getBigDecimal(10), currency),
                                Money.of(rows.getBigDecimal(11), currency), rows.getString(12),
                                rows.getTimestamp(13).toInstant()));
                return Optional.of(new Donation(rows.getObject(1, UUID.class), rows.getString(2),
                        Money.of(rows.getBigDecimal(4), currency), rows.getString(5), rows.getString(6), rows.getString(7),
                        rows.getTimestamp(8).toInstant(), capture));
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private PaypalClient client() {
        return account.client().orElseThrow(() -> Refusal.conflict("finance.paypal.notConfigured"));
    }

    private static String trimmed(String text, int max, String tooLong) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw Refusal.invalid(tooLong, max);
        }
        return stripped;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.now() : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
