package org.herdbook.web.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import org.herdbook.finance.money.Money;
import org.herdbook.web.persistence.NullableUuid;

/** Dues a member paid, and the day they cover until. Never changed once written. */
@Entity
@Table(schema = "governance", name = "dues_payment")
@NamedQuery(name = DuesPayment.OF_ACCOUNT,
        query = "SELECT p FROM DuesPayment p WHERE p.accountId = :account ORDER BY p.paidOn, p.recordedAt")
public class DuesPayment {

    public static final String OF_ACCOUNT = "DuesPayment.ofAccount";

    /** Where the payment record came from. */
    public enum Source {
        HAND, PAYPAL;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Column(nullable = false, updatable = false, precision = 15, scale = 3)
    private BigDecimal amount;
    @Column(nullable = false, updatable = false, length = 3)
    private String currency;
    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;
    @Column(name = "covers_until", nullable = false, updatable = false)
    private LocalDate coversUntil;
    @Column(nullable = false, updatable = false)
    private String source;
    @Column(nullable = false, updatable = false)
    private String reference;
    @Convert(converter = NullableUuid.class)
    @Column(name = "recorded_by", updatable = false)
    private UUID recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected DuesPayment() {
    }

    public DuesPayment(UUID accountId, Money amount, LocalDate paidOn, LocalDate coversUntil, Source source,
            String reference, UUID recordedBy) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.amount = amount.getAmount();
        this.currency = amount.getCurrency().getCurrencyCode();
        this.paidOn = paidOn;
        this.coversUntil = coversUntil;
        this.source = source.code();
        this.reference = reference == null ? "" : reference.strip();
        this.recordedBy = recordedBy;
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public Money getAmount() {
        return Money.of(amount, Currency.getInstance(currency));
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public LocalDate getCoversUntil() {
        return coversUntil;
    }

    public String getSource() {
        return source;
    }

    public String getReference() {
        return reference;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }
}
