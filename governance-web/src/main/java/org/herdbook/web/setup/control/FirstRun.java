package org.herdbook.web.setup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.security.control.SecretTokens;
import org.herdbook.web.setup.entity.SetupToken;

/** Creates the first administrator and the foundation, from the setup page or the environment. */
@ApplicationScoped
public class FirstRun {

    private static final Logger LOG = Logger.getLogger(FirstRun.class.getName());
    /** Key of the PostgreSQL advisory lock that serialises first-run steps across instances. */
    private static final long LOCK = 0x4865726462L;
    static final String SETUP_PATH = "/setup.xhtml?token=";

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Accounts accounts;
    @Inject
    @ConfigProperty(name = "herdbook.admin.email")
    Optional<String> adminEmail;
    @Inject
    @ConfigProperty(name = "herdbook.admin.password")
    Optional<String> adminPassword;
    @Inject
    @ConfigProperty(name = "herdbook.foundation.name", defaultValue = "Herdbook")
    String foundationName;
    @Inject
    @ConfigProperty(name = "herdbook.currency", defaultValue = "CAD")
    String currency;
    @Inject
    @ConfigProperty(name = "herdbook.time-zone", defaultValue = "UTC")
    String timeZone;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /**
     * At start-up: nothing when an administrator exists; otherwise the administrator from the
     * environment when it is given, else a new one-time setup link in the log.
     */
    @Transactional
    public void prepare() {
        lock();
        if (accounts.anyWithRole(Role.ADMIN)) {
            entityManager.createQuery("DELETE FROM SetupToken").executeUpdate();
            return;
        }
        Optional<String> email = adminEmail.filter(value -> !value.isBlank());
        Optional<String> password = adminPassword.filter(value -> !value.isEmpty());
        if (email.isPresent() || password.isPresent()) {
            SetupForm form = new SetupForm(email.orElse(""), email.orElse("").split("@")[0], password.orElse(""),
                    password.orElse(""), foundationName, currency, timeZone);
            List<String> problems = form.problems();
            if (problems.isEmpty()) {
                Account admin = create(form);
                LOG.info(() -> "Created the first administrator " + admin.getEmail() + " from HERDBOOK_ADMIN_EMAIL.");
                return;
            }
            LOG.severe(() -> "HERDBOOK_ADMIN_EMAIL / HERDBOOK_ADMIN_PASSWORD and the foundation settings were not used: "
                    + problems + ". Both variables are needed, the password needs at least "
                    + "12 characters. Falling back to the setup link.");
        }
        String token = SecretTokens.newToken("");
        entityManager.createQuery("DELETE FROM SetupToken").executeUpdate();
        entityManager.persist(new SetupToken(SecretTokens.hash(token)));
        LOG.warning(() -> "Herdbook has no administrator yet. Open this one-time setup link to create one: "
                + baseUrl.replaceAll("/+$", "") + SETUP_PATH + token);
    }

    /** Whether {@code token} may set Herdbook up now; empty when it may. */
    public Optional<SetupRefused.Reason> refusal(String token) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return Optional.of(SetupRefused.Reason.ALREADY_DONE);
        }
        if (token == null || token.isBlank() || token.length() > 100
                || entityManager.find(SetupToken.class, SecretTokens.hash(token)) == null) {
            return Optional.of(SetupRefused.Reason.INVALID_TOKEN);
        }
        return Optional.empty();
    }

    /** Completes setup with a valid token: the foundation and the administrator, or nothing. */
    @Transactional(rollbackOn = SetupRefused.class)
    public Account complete(String token, SetupForm form) throws SetupRefused {
        lock();
        Optional<SetupRefused.Reason> refusal = refusal(token);
        if (refusal.isPresent()) {
            throw new SetupRefused(refusal.get(), List.of(refusal.get() == SetupRefused.Reason.ALREADY_DONE
                    ? "setup.already-done" : "setup.invalid-token"));
        }
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new SetupRefused(SetupRefused.Reason.INVALID_INPUT, problems);
        }
        Account admin = create(form);
        entityManager.createQuery("DELETE FROM SetupToken").executeUpdate();
        LOG.info(() -> "Setup completed: administrator " + admin.getEmail() + " created.");
        return admin;
    }

    private Account create(SetupForm form) {
        if (entityManager.find(Foundation.class, Foundation.THE_FOUNDATION) == null) {
            entityManager.persist(new Foundation(form.foundationName(), Currency.getInstance(form.currency()),
                    ZoneId.of(form.timeZone())));
        }
        return accounts.create(form.adminEmail(), form.adminName(), form.password().toCharArray(), Language.DEFAULT,
                Role.ADMIN);
    }

    private void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }
}
