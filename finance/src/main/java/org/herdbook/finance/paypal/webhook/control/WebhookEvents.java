package org.herdbook.finance.paypal.webhook.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.herdbook.finance.donation.control.DonationThanks;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.ledger.entity.AccountPurpose;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.paypal.control.PaypalImport;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;

/**
 * Stores each verified PayPal event once and applies it once.
 *
 * <p>The event id is the primary key of {@code finance.paypal_webhook_event}: the insert of a
 * second delivery (a retry, or a copy racing the first on another thread or server) waits for
 * the first to commit and then inserts nothing, and that delivery applies nothing. Payments,
 * refunds and reversals become PayPal lines booked exactly as an activity download's (one entry
 * per PayPal transaction id, whichever of webhook, return page, download or Transaction Search
 * brought it first), so the order in which they arrive does not matter. Everything happens in
 * the caller's transaction.
 */
@ApplicationScoped
public class WebhookEvents {

    /** What became of a verified delivery. */
    public enum Outcome {
        APPLIED, IGNORED, DUPLICATE
    }

    static final Set<String> HANDLED = Set.of("PAYMENT.SALE.COMPLETED", "PAYMENT.SALE.DENIED", "PAYMENT.SALE.REFUNDED",
            "PAYMENT.SALE.REVERSED", "PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.REFUNDED", "PAYMENT.CAPTURE.REVERSED",
            "BILLING.SUBSCRIPTION.ACTIVATED", "BILLING.SUBSCRIPTION.CANCELLED", "BILLING.SUBSCRIPTION.SUSPENDED",
            "BILLING.SUBSCRIPTION.EXPIRED", "BILLING.SUBSCRIPTION.PAYMENT.FAILED");
    private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOKER = "paypal-webhook";

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;
    @Inject
    PaypalImport paypal;
    @Inject
    DuesMembers members;
    @Inject
    Donations donations;
    @Inject
    DonationThanks thanks;

    protected WebhookEvents() {
    }

    public WebhookEvents(DataSource dataSource, PaypalImport paypal, DuesMembers members, Donations donations,
            DonationThanks thanks) {
        this.dataSource = dataSource;
        this.paypal = paypal;
        this.members = members;
        this.donations = donations;
        this.thanks = thanks;
    }

    /**
     * Stores and applies one verified event.
     *
     * @throws WebhookRejected {@code MALFORMED} when the body is not a PayPal event (nothing stored)
     */
    public Outcome receive(byte[] body, WebhookVerifier.Transmission transmission) {
        String text;
        JsonNode event;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            event = JSON.readTree(text);
        } catch (CharacterCodingException e) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "not UTF-8");
        } catch (IOException e) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "not JSON");
        }
        String id = event == null ? "" : event.path("id").asText("");
        String type = event == null ? "" : event.path("event_type").asText("");
        if (id.isBlank() || type.isBlank() || id.length() > 200 || type.length() > 200) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "no event id or type");
        }
        JsonNode resource = event.path("resource");
        boolean handled = HANDLED.contains(type);
        if (!store(id, type, resource.path("id").asText(null), transmission, handled, text)) {
            LOG.info(() -> "PayPal event " + id + " (" + type + ") delivered again: already stored, nothing applied");
            return Outcome.DUPLICATE;
        }
        if (!handled) {
            // Kept in finance.paypal_webhook_event; a log line per delivery was 7% of the endpoint's time.
            LOG.fine(() -> "PayPal event " + id + " of type " + type + " stored and ignored");
            return Outcome.IGNORED;
        }
        apply(type, resource, instant(event.path("create_time").asText(null), transmission.time()));
        return Outcome.APPLIED;
    }

    private void apply(String type, JsonNode resource, Instant eventTime) {
        switch (type) {
            case "PAYMENT.SALE.COMPLETED" -> {
                PaypalLine line = saleLine(resource, eventTime);
                book(line);
                members.paid(resource.path("custom").asText(""), line.gross(), line.occurredAt(), line.transactionId());
            }
            case "PAYMENT.SALE.REFUNDED", "PAYMENT.SALE.REVERSED" -> {
                boolean reversed = type.endsWith("REVERSED");
                PaypalLine line = saleRefundLine(resource, eventTime, reversed ? LineKind.REVERSAL : LineKind.REFUND);
                bookRefund(line, AccountPurpose.DUES);
                if (line.referenceTransactionId() != null && !line.referenceTransactionId().isBlank()) {
                    members.paymentWithdrawn(line.referenceTransactionId(), line.transactionId(), line.occurredAt(), reversed,
                            line.gross().negate());
                }
            }
            case "PAYMENT.SALE.DENIED" -> members.paymentFailed(resource.path("custom").asText(""), eventTime,
                    resource.path("billing_agreement_id").asText(""));
            case "PAYMENT.CAPTURE.COMPLETED" -> {
                PaypalLine line = captureLine(resource, eventTime);
                book(line);
                String custom = resource.path("custom_id").asText("");
                if (custom.startsWith(Donations.CUSTOM_PREFIX)) {
                    donation(custom.substring(Donations.CUSTOM_PREFIX.length())).ifPresent(id -> {
                        donations.recordCapture(id, new Donation.Capture(line.transactionId(), line.gross(),
                                line.fee().negate(), null, line.occurredAt()));
                        thanks.captured(id);
                    });
                }
            }
            case "PAYMENT.CAPTURE.REFUNDED", "PAYMENT.CAPTURE.REVERSED" -> bookRefund(captureRefundLine(resource, eventTime,
                    type.endsWith("REVERSED") ? LineKind.REVERSAL : LineKind.REFUND), AccountPurpose.DONATIONS);
            case "BILLING.SUBSCRIPTION.PAYMENT.FAILED" -> members.paymentFailed(resource.path("custom_id").asText(""),
                    eventTime, resource.path("id").asText(""));
            default -> {
                String status = type.substring("BILLING.SUBSCRIPTION.".length());
                members.subscriptionChanged(resource.path("custom_id").asText(""), resource.path("id").asText(""),
                        "ACTIVATED".equals(status) ? "ACTIVE" : status, eventTime);
            }
        }
    }

    /** Books {@code line} unless PayPal's own records (or an earlier path) already brought it. */
    private void book(PaypalLine line) {
        paypal.importLines("webhook", null, null, 1, 0, List.of(line), BOOKER, true, ImportProgress.NONE);
    }

    /**
     * Books a refund or reversal against its original's account; when the original has not
     * arrived yet, against the account such originals go to (dues for subscription sales,
     * donations for captures), so the order of arrival does not change the books.
     */
    private void bookRefund(PaypalLine line, String purpose) {
        paypal.importLines("webhook", null, null, 1, 0, List.of(line), BOOKER, true, ImportProgress.NONE,
                java.util.Map.of(line.transactionId(), purpose));
    }

    static PaypalLine saleLine(JsonNode sale, Instant fallback) {
        Currency currency = currency(sale.path("amount").path("currency").asText());
        Money gross = money(sale.path("amount").path("total"), currency);
        Money fee = abs(money(sale.path("transaction_fee").path("value"), currency)).negate();
        return new PaypalLine(id(sale), instant(sale.path("create_time").asText(null), fallback),
                LineKind.SUBSCRIPTION_PAYMENT, "Subscription Payment", "Completed", gross, fee, gross.plus(fee), null, null);
    }

    static PaypalLine saleRefundLine(JsonNode refund, Instant fallback, LineKind kind) {
        Currency currency = currency(refund.path("amount").path("currency").asText());
        Money gross = abs(money(refund.path("amount").path("total"), currency)).negate();
        Money fee = refund.path("refund_from_transaction_fee").isMissingNode() ? Money.zero(currency)
                : abs(money(refund.path("refund_from_transaction_fee").path("value"), currency));
        return new PaypalLine(id(refund), instant(refund.path("create_time").asText(null), fallback), kind,
                kind == LineKind.REFUND ? "Payment Refund" : "Payment Reversal", "Completed", gross, fee, gross.plus(fee),
                refund.path("sale_id").asText(null), null);
    }

    static PaypalLine captureLine(JsonNode capture, Instant fallback) {
        JsonNode breakdown = capture.path("seller_receivable_breakdown");
        Currency currency = currency(capture.path("amount").path("currency_code").asText());
        Money gross = money(capture.path("amount").path("value"), currency);
        Money fee = breakdown.path("paypal_fee").isMissingNode() ? Money.zero(currency)
                : abs(money(breakdown.path("paypal_fee").path("value"), currency)).negate();
        return new PaypalLine(id(capture), instant(capture.path("create_time").asText(null), fallback), LineKind.DONATION,
                "Donation Payment", "Completed", gross, fee, gross.plus(fee), null, null);
    }

    static PaypalLine captureRefundLine(JsonNode refund, Instant fallback, LineKind kind) {
        Currency currency = currency(refund.path("amount").path("currency_code").asText());
        Money gross = abs(money(refund.path("amount").path("value"), currency)).negate();
        JsonNode returnedFee = refund.path("seller_payable_breakdown").path("paypal_fee");
        Money fee = returnedFee.isMissingNode() ? Money.zero(currency) : abs(money(returnedFee.path("value"), currency));
        String original = null;
        for (JsonNode link : refund.path("links")) {
            String href = link.path("href").asText("");
            if ("up".equals(link.path("rel").asText()) && href.contains("/captures/")) {
                original = href.substring(href.lastIndexOf('/') + 1);
            }
        }
        return new PaypalLine(id(refund), instant(refund.path("create_time").asText(null), fallback), kind,
                kind == LineKind.REFUND ? "Payment Refund" : "Payment Reversal", "Completed", gross, fee, gross.plus(fee),
                original, null);
    }

    private boolean store(String id, String type, String resourceId, WebhookVerifier.Transmission transmission,
            boolean handled, String body) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.paypal_webhook_event"
                        + " (event_id, event_type, resource_id, transmission_id, transmission_time, outcome, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            insert.setString(1, id);
            insert.setString(2, type);
            insert.setString(3, resourceId);
            insert.setString(4, transmission.id());
            insert.setTimestamp(5, Timestamp.from(transmission.time()));
            insert.setString(6, handled ? "applied" : "ignored");
            insert.setString(7, body);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    private static String id(JsonNode resource) {
        String id = resource.path("id").asText("");
        if (id.isBlank() || id.length() > 100) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "resource without id");
        }
        return id;
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "currency " + code);
        }
    }

    private static Money money(JsonNode value, Currency currency) {
        try {
            return Money.of(new BigDecimal(value.asText()), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "amount " + value.asText());
        }
    }

    private static java.util.Optional<java.util.UUID> donation(String id) {
        try {
            return java.util.Optional.of(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "PayPal capture for an unknown donation id '" + id + "': booked only");
            return java.util.Optional.empty();
        }
    }

    private static Money abs(Money money) {
        return money.isNegative() ? money.negate() : money;
    }

    private static Instant instant(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
