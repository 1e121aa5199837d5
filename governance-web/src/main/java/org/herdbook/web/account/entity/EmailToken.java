package org.herdbook.web.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/** A one-time link sent by e-mail. Only the SHA-256 of its token is stored. */
@Entity
@Table(schema = "governance", name = "email_token")
public class EmailToken {

    /** What a link is for. */
    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Column(nullable = false, updatable = false)
    private String purpose;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected EmailToken() {
    }

    public EmailToken(byte[] tokenHash, UUID accountId, Purpose purpose, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash.clone();
        this.accountId = accountId;
        this.purpose = purpose.code();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.expiresAt = expiresAt;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public boolean isFor(Purpose expected) {
        return expected.code().equals(purpose);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }

    public void markUsed(OffsetDateTime now) {
        this.usedAt = now;
    }
}
