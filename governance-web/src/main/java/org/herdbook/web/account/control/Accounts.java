package org.herdbook.web.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.Refusal;
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
     * Creates an account with {@code roles}, its address taken as verified (an administrator or
     * the server's own set-up vouches for it).
     *
     * @throws Refusal {@code duplicate-email} (409) when the address already has an account
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account create(String email, String displayName, char[] password, Language language, Role... roles) {
        Account account = open(email, displayName, password, language);
        account.markEmailVerified();
        for (Role role : roles) {
            account.grant(role);
        }
        return persist(account);
    }

    /**
     * Opens an account for someone signing themselves up: it cannot sign in until the address is
     * verified.
     *
     * @throws Refusal {@code duplicate-email} (409) when the address already has an account
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account register(String email, String displayName, char[] password, Language language) {
        Account account = open(email, displayName, password, language);
        account.grant(Role.MEMBER);
        return persist(account);
    }

    /** Makes {@code language} the account's language for pages and e-mails. */
    @Transactional
    public void changeLanguage(UUID account, Language language) {
        byId(account).ifPresent(found -> found.changePreferredLanguage(language));
    }

    /** Open accounts, by e-mail address. */
    public List<Account> all() {
        return entityManager.createNamedQuery(Account.ALL, Account.class).getResultList();
    }

    private Account open(String email, String displayName, char[] password, Language language) {
        if (byEmail(email).isPresent()) {
            throw new Refusal("duplicate-email", Response.Status.CONFLICT);
        }
        return new Account(email, displayName, passwords.hash(password), language);
    }

    private Account persist(Account account) {
        entityManager.persist(account);
        try {
            entityManager.flush();
        } catch (PersistenceException raced) {
            // Two sign-ups with one address at once: the unique index decides, the loser is told.
            throw new Refusal("duplicate-email", Response.Status.CONFLICT);
        }
        return account;
    }
}
