package org.herdbook.web.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * "PayPal says subscription {@code subscriptionId} of this member became {@code status} at
 * {@code changedAt}" — one record per PayPal event, dated by the event, so that the latest by
 * that date is the subscription's state whatever order the events arrived in. Never changed once
 * written.
 */
@Entity
@Table(schema = "governance", name = "dues_subscription_change")
@NamedQuery(name = DuesSubscriptionChange.OF_ACCOUNT, query = "SELECT c FROM DuesSubscriptionChange c"
        + " WHERE c.accountId = :account ORDER BY c.changedAt DESC, c.recordedAt DESC")
public class DuesSubscriptionChange {

    public static final String OF_ACCOUNT = "DuesSubscriptionChange.ofAccount";

    /** A subscription's state as PayPal names it (lower case here). */
    public enum Status {
        ACTIVE, SUSPENDED, CANCELLED, EXPIRED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Column(name = "subscription_id", nullable = false, updatable = false)
    private String subscriptionId;
    @Column(nullable = false, updatable = false)
    private String status;
    @Column(name = "changed_at", nullable = false, updatable = false)
    private OffsetDateTime changedAt;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected DuesSubscriptionChange() {
    }

    public DuesSubscriptionChange(UUID accountId, String subscriptionId, Status status, Instant changedAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.subscriptionId = subscriptionId;
        this.status = status.code();
        this.changedAt = changedAt.atOffset(ZoneOffset.UTC);
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public Status getStatus() {
        return Status.ofCode(status);
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }
}
