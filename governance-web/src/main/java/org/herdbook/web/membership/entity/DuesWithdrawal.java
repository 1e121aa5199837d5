package org.herdbook.web.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.herdbook.web.persistence.NullableUuid;

/**
 * A dues payment that no longer counts because its money went back (PayPal refunded it, or the
 * payer's bank reversed it). The payment stays as it was written; this record, dated, withdraws
 * it. Keyed by the payment's source and reference, so a refund that arrives before its sale still
 * withdraws the sale when it comes ({@code accountId} is then unknown). Never changed once written.
 */
@Entity
@Table(schema = "governance", name = "dues_withdrawal")
public class DuesWithdrawal {

    /** Why the money went back. */
    public enum Cause {
        REFUNDED, REVERSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private UUID id;
    @Column(nullable = false, updatable = false)
    private String source;
    @Column(nullable = false, updatable = false)
    private String reference;
    @Convert(converter = NullableUuid.class)
    @Column(name = "account_id", updatable = false)
    private UUID accountId;
    @Column(name = "withdrawn_on", nullable = false, updatable = false)
    private LocalDate withdrawnOn;
    @Column(nullable = false, updatable = false)
    private String cause;
    @Column(name = "cause_reference", nullable = false, updatable = false)
    private String causeReference;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected DuesWithdrawal() {
    }

    public DuesWithdrawal(DuesPayment.Source source, String reference, UUID accountId, LocalDate withdrawnOn,
            Cause cause, String causeReference) {
        this.id = UUID.randomUUID();
        this.source = source.code();
        this.reference = reference.strip();
        this.accountId = accountId;
        this.withdrawnOn = withdrawnOn;
        this.cause = cause.code();
        this.causeReference = causeReference == null ? "" : causeReference.strip();
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getSource() {
        return source;
    }

    public String getReference() {
        return reference;
    }

    public LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    public String getCause() {
        return cause;
    }
}
