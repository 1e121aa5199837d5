package org.herdbook.web.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.i18n.Language;

/** Finds, creates and authenticates accounts. */
@ApplicationScoped
public class Accounts {

    /** Deliberately loose: one {@code @}, no spaces, a dot in the domain. Verification comes by e-mail. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    PasswordHashing passwords;

    public static boolean isPlausibleEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    public Optional<Account> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return entityManager.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.strip())
                .getResultStream().findFirst();
    }

    public Optional<Account> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(Account.class, id));
    }

    public boolean anyWithRole(Role role) {
        return entityManager.createNamedQuery(Account.WITH_ROLE, Long.class).setParameter("role", role)
                .getSingleResult() > 0;
    }

    /** The account whose e-mail and password these are; the same time is spent when there is none. */
    public Optional<Account> authenticate(String email, char[] password) {
        Optional<Account> account = byEmail(email);
        if (account.isEmpty()) {
            passwords.spendVerificationTime(password);
            return Optional.empty();
        }
        return passwords.matches(password, account.get().getPasswordHash()) ? account : Optional.empty();
    }

    /**
     * Creates an account with {@code roles}. The caller has validated the input; the database
     * refuses a second account with the same e-mail address.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account create(String email, String displayName, char[] password, Language language, Role... roles) {
        Account account = new Account(email, displayName, passwords.hash(password), language);
        for (Role role : roles) {
            account.grant(role);
        }
        entityManager.persist(account);
        return account;
    }
}
