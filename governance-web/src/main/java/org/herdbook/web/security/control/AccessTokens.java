package org.herdbook.web.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.security.entity.AccessToken;

/** Issues and checks bearer tokens for API clients. */
@ApplicationScoped
public class AccessTokens {

    static final String PREFIX = "hbt_";

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    @ConfigProperty(name = "herdbook.token.ttl", defaultValue = "PT8H")
    Duration lifetime;

    /** A token, given to the caller once, and when it stops working. */
    public record Issued(String token, OffsetDateTime expiresAt, long expiresInSeconds) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(Account account) {
        String token = SecretTokens.newToken(PREFIX);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expiresAt = now.plus(lifetime);
        entityManager.persist(new AccessToken(SecretTokens.hash(token), account.getId(), now, expiresAt));
        return new Issued(token, expiresAt, lifetime.toSeconds());
    }

    /** The account a token was issued to, while it has not expired. */
    public Optional<UUID> accountOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(entityManager.find(AccessToken.class, SecretTokens.hash(token)))
                .filter(found -> found.getExpiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC)))
                .map(AccessToken::getAccountId);
    }

    /** Revokes every token of {@code account} (password reset, account closed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAll(UUID account) {
        return entityManager.createQuery("DELETE FROM AccessToken t WHERE t.accountId = :account")
                .setParameter("account", account).executeUpdate();
    }

    /** When the account's tokens were issued and expire: for the owner's data export. */
    public java.util.List<AccessToken> of(UUID account) {
        return entityManager.createQuery("SELECT t FROM AccessToken t WHERE t.accountId = :account ORDER BY t.issuedAt",
                AccessToken.class).setParameter("account", account).getResultList();
    }
}
