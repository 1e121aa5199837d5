package org.herdbook.web.mastodon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A Mastodon account (its stable id on an instance) linked to a Herdbook account. */
@Entity
@Table(schema = "governance", name = "mastodon_identity")
@IdClass(MastodonIdentity.Key.class)
@NamedQuery(name = MastodonIdentity.BY_MASTODON_ID,
        query = "SELECT i FROM MastodonIdentity i WHERE i.instance = :instance AND i.mastodonId = :mastodonId")
@NamedQuery(name = MastodonIdentity.OF_ACCOUNT,
        query = "SELECT i FROM MastodonIdentity i WHERE i.accountId = :accountId ORDER BY i.linkedAt DESC")
@NamedQuery(name = MastodonIdentity.FORGET, query = "DELETE FROM MastodonIdentity i WHERE i.accountId = :accountId")
public class MastodonIdentity {

    public static final String BY_MASTODON_ID = "MastodonIdentity.byMastodonId";
    public static final String OF_ACCOUNT = "MastodonIdentity.ofAccount";
    public static final String FORGET = "MastodonIdentity.forget";

    @Id
    @Column(name = "account_id", updatable = false)
    private UUID accountId;
    @Id
    @Column(updatable = false)
    private String instance;
    @Column(name = "mastodon_id", nullable = false, updatable = false)
    private String mastodonId;
    @Column(nullable = false)
    private String acct;
    @Column(name = "linked_at", nullable = false, updatable = false)
    private OffsetDateTime linkedAt;

    protected MastodonIdentity() {
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getInstance() {
        return instance;
    }

    public String getMastodonId() {
        return mastodonId;
    }

    public String getAcct() {
        return acct;
    }

    /** The acct changes when the person renames their Mastodon account; the id does not. */
    public void seenAs(String currentAcct) {
        this.acct = Objects.requireNonNull(currentAcct, "acct");
    }

    public OffsetDateTime getLinkedAt() {
        return linkedAt;
    }

    /** The primary key: one Mastodon account per Herdbook account and instance. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID accountId;
        private String instance;

        public Key() {
        }

        public Key(UUID accountId, String instance) {
            this.accountId = accountId;
            this.instance = instance;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId)
                    && Objects.equals(instance, key.instance);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, instance);
        }
    }
}
