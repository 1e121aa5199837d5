package org.herdbook.web.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.EmailToken;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.security.control.SecretTokens;

/**
 * One-time links for e-mail: 256 random bits, stored hashed, valid for a limited time and used
 * at most once. A link that is unknown, used, expired or meant for something else is refused
 * with a reason the person can act on.
 */
@ApplicationScoped
public class EmailLinks {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    @ConfigProperty(name = "herdbook.email.verification-validity", defaultValue = "PT48H")
    Duration verificationValidity;
    @Inject
    @ConfigProperty(name = "herdbook.email.reset-validity", defaultValue = "PT1H")
    Duration resetValidity;

    /** A new link token for {@code account}; earlier unused links for the same purpose stop working. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(Account account, EmailToken.Purpose purpose) {
        entityManager.createQuery("UPDATE EmailToken t SET t.usedAt = :now WHERE t.accountId = :account"
                + " AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("account", account.getId())
                .setParameter("purpose", purpose.code()).executeUpdate();
        String token = SecretTokens.newToken("");
        Duration validity = purpose == EmailToken.Purpose.VERIFY_EMAIL ? verificationValidity : resetValidity;
        entityManager.persist(new EmailToken(SecretTokens.hash(token), account.getId(), purpose,
                OffsetDateTime.now(ZoneOffset.UTC).plus(validity)));
        return token;
    }

    /**
     * Uses the link: the account it was sent to.
     *
     * @throws Refusal {@code link-invalid} (400), {@code link-used} (410) or {@code link-expired} (410)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID use(String token, EmailToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new Refusal("link-invalid", Response.Status.BAD_REQUEST);
        }
        EmailToken found = entityManager.find(EmailToken.class, SecretTokens.hash(token.strip()),
                LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (found == null || !found.isFor(purpose)) {
            throw new Refusal("link-invalid", Response.Status.BAD_REQUEST);
        }
        if (found.isUsed()) {
            throw new Refusal("link-used", Response.Status.GONE);
        }
        if (found.isExpired(now)) {
            throw new Refusal("link-expired", Response.Status.GONE);
        }
        found.markUsed(now);
        return found.getAccountId();
    }

    /** Whether the link would be accepted now, without using it (to show a form only for good links). */
    public boolean isUsable(String token, EmailToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        EmailToken found = entityManager.find(EmailToken.class, SecretTokens.hash(token.strip()));
        return found != null && found.isFor(purpose) && !found.isUsed()
                && !found.isExpired(OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Duration verificationValidity() {
        return verificationValidity;
    }

    public Duration resetValidity() {
        return resetValidity;
    }
}
