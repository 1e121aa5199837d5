package org.herdbook.web.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed sign-ins per account and per client address over a sliding window.
 *
 * <p>The account key is the lower-cased e-mail as typed, whether or not an account has it, so
 * that being throttled reveals nothing about which addresses have accounts. A successful sign-in
 * clears the account's count.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    @ConfigProperty(name = "herdbook.login.window", defaultValue = "PT15M")
    Duration window;
    @Inject
    @ConfigProperty(name = "herdbook.login.max-failures-per-account", defaultValue = "5")
    int maxPerAccount;
    @Inject
    @ConfigProperty(name = "herdbook.login.max-failures-per-address", defaultValue = "30")
    int maxPerAddress;

    /** How long the caller must wait before trying again, if the limit is reached. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> waitBeforeNextAttempt(String email, String address) {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(window);
        Optional<Duration> byAccount = wait("account_key", accountKey(email), since, maxPerAccount);
        return byAccount.isPresent() ? byAccount : wait("address", address, since, maxPerAddress);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String email, String address, boolean succeeded) {
        entityManager.createNativeQuery(
                "INSERT INTO governance.login_attempt (account_key, address, succeeded) VALUES (?1, ?2, ?3)")
                .setParameter(1, accountKey(email)).setParameter(2, address).setParameter(3, succeeded)
                .executeUpdate();
    }

    private Optional<Duration> wait(String column, String key, OffsetDateTime since, int limit) {
        // The column name is one of two constants above, never input; values are bound.
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), min(attempted_at) FROM governance.login_attempt f WHERE f." + column + " = ?1"
                        + " AND NOT f.succeeded AND f.attempted_at > ?2"
                        + " AND f.attempted_at > COALESCE((SELECT max(s.attempted_at) FROM governance.login_attempt s"
                        + " WHERE s." + column + " = ?1 AND s.succeeded), '-infinity'::timestamptz)")
                .setParameter(1, key).setParameter(2, since).getSingleResult();
        long failures = ((Number) row[0]).longValue();
        if (failures < limit || row[1] == null) {
            return Optional.empty();
        }
        OffsetDateTime oldest = toOffsetDateTime(row[1]);
        Duration remaining = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), oldest.plus(window));
        return Optional.of(remaining.isNegative() ? Duration.ofSeconds(1) : remaining);
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
