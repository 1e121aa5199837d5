package org.herdbook.web.setup.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The hash of a one-time setup link's token. */
@Entity
@Table(schema = "governance", name = "setup_token")
public class SetupToken {

    @Id
    @Column(name = "token_hash", updatable = false)
    private byte[] tokenHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected SetupToken() {
    }

    public SetupToken(byte[] tokenHash) {
        this.tokenHash = tokenHash.clone();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
