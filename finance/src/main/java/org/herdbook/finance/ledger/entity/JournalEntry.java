package org.herdbook.finance.ledger.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A booked journal entry: immutable, balanced per currency, corrected only by a reversing entry.
 *
 * @param id its identifier
 * @param date the day it is booked on, in the foundation's time zone; its month is the one it counts in
 * @param occurredAt when it happened
 * @param recordedAt when Herdbook stored it
 * @param description what it is, for people
 * @param source where it came from
 * @param paypalTransactionId the PayPal transaction it books, or null
 * @param reverses the entry this one reverses, or null
 * @param exchangeRate on a currency conversion, the rate PayPal applied; otherwise null
 * @param recordedBy who recorded it (an account id, or "paypal-import")
 * @param postings its postings, summing to zero per currency
 */
public record JournalEntry(UUID id, LocalDate date, Instant occurredAt, Instant recordedAt, String description,
        EntrySource source, String paypalTransactionId, UUID reverses, BigDecimal exchangeRate, String recordedBy,
        List<Posting> postings) {

    public JournalEntry {
        postings = List.copyOf(postings);
    }
}
