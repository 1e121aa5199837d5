package org.herdbook.paypal.emulator;

import java.time.Instant;

/**
 * A transaction the emulator reports through Transaction Search, in PayPal's terms: an event
 * code ({@code T0002} subscription payment, {@code T1107} refund ...), a status ({@code S},
 * {@code P}, {@code V}, {@code D}), signed amounts as decimal text.
 */
public record EmulatedTransaction(String id, String eventCode, Instant initiatedAt, String currency, String gross,
        String fee, String status, String referenceId, String payerEmail) {
}
