package org.herdbook.web.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.herdbook.web.persistence.NullableUuid;

/**
 * "From {@code effectiveOn} on, this member is {@code standing}." Never changed once written
 * (the database refuses); a mistake is corrected by a later change.
 */
@Entity
@Table(schema = "governance", name = "standing_change")
@NamedQuery(name = StandingChange.OF_ACCOUNT,
        query = "SELECT c FROM StandingChange c WHERE c.accountId = :account ORDER BY c.effectiveOn, c.id")
@NamedQuery(name = StandingChange.ALL,
        query = "SELECT c FROM StandingChange c ORDER BY c.accountId, c.effectiveOn, c.id")
public class StandingChange {

    public static final String OF_ACCOUNT = "StandingChange.ofAccount";
    public static final String ALL = "StandingChange.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Column(nullable = false, updatable = false)
    private String standing;
    @Column(name = "effective_on", nullable = false, updatable = false)
    private LocalDate effectiveOn;
    @Column(nullable = false, updatable = false)
    private String cause;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Convert(converter = NullableUuid.class)
    @Column(name = "recorded_by", updatable = false)
    private UUID recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected StandingChange() {
    }

    public StandingChange(UUID accountId, Standing standing, LocalDate effectiveOn, StandingCause cause, String reason,
            UUID recordedBy) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.standing = standing.code();
        this.effectiveOn = Objects.requireNonNull(effectiveOn, "effectiveOn");
        this.cause = cause.code();
        this.reason = reason == null ? "" : reason.strip();
        this.recordedBy = recordedBy;
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public Standing getStanding() {
        return Standing.ofCode(standing).orElseThrow();
    }

    public LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public StandingCause getCause() {
        return StandingCause.ofCode(cause);
    }

    public String getReason() {
        return reason;
    }

    public UUID getRecordedBy() {
        return recordedBy;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }
}
