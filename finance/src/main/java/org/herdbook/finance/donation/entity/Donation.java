package org.herdbook.finance.donation.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.finance.money.Money;

/**
 * A donation as the donor started it on the donation page, and PayPal's capture once it is paid.
 *
 * @param donorName the name the donor gave, or null (anonymous, the default)
 * @param language the donor's language ({@code en} or {@code fr}): thank-you letter and receipt
 * @param capture PayPal's capture, empty until paid
 */
public record Donation(UUID id, String orderId, Money amount, String donorName, String message, String language,
        Instant createdAt, Optional<Capture> capture) {

    public Donation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(capture, "capture");
    }

    /** PayPal's capture of a donation: the gross, PayPal's fee, and the payer's address when known. */
    public record Capture(String captureId, Money gross, Money fee, String payerEmail, Instant capturedAt) {
        public Money net() {
            return gross.minus(fee);
        }
    }

    public boolean anonymous() {
        return donorName == null;
    }
}
