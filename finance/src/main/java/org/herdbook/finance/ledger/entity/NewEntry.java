package org.herdbook.finance.ledger.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An entry to book: what {@link org.herdbook.finance.ledger.control.Ledger} checks and stores. */
public record NewEntry(UUID id, LocalDate date, Instant occurredAt, String description, EntrySource source,
        String paypalTransactionId, UUID reverses, BigDecimal exchangeRate, List<Posting> postings) {

    public NewEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        postings = List.copyOf(postings);
    }

    /** A manual entry with a fresh id. */
    public static NewEntry manual(LocalDate date, Instant occurredAt, String description, List<Posting> postings) {
        return new NewEntry(EntryIds.next(), date, occurredAt, description, EntrySource.MANUAL, null, null, null,
                postings);
    }

    /** The same entry, claiming to book PayPal transaction {@code transactionId}. */
    public NewEntry forPaypalTransaction(String transactionId) {
        return new NewEntry(id, date, occurredAt, description, source, transactionId, reverses, exchangeRate, postings);
    }
}
