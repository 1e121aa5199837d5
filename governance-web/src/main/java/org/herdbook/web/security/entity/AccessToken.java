package org.herdbook.web.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A bearer token issued to an account. The token itself is never stored, only its SHA-256. */
@Entity
@Table(schema = "governance", name = "access_token")
public class AccessToken {

    @Id
    @Column(name = "token_hash", updatable = false)
    private byte[] tokenHash;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Column(name = "issued_at", nullable = false, updatable = false)
    private OffsetDateTime issuedAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    protected AccessToken() {
    }

    public AccessToken(byte[] tokenHash, UUID accountId, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash.clone();
        this.accountId = accountId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public OffsetDateTime getIssuedAt() {
        return issuedAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
