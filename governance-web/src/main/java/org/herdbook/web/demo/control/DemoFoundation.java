package org.herdbook.web.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.entity.DuesPayment;
import org.herdbook.finance.money.Money;
import java.time.LocalDate;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.security.control.SecretTokens;

/** Loads {@code demo-foundation.json} into an empty Herdbook when {@code HERDBOOK_DEMO=true}. */
@ApplicationScoped
public class DemoFoundation {

    private static final Logger LOG = Logger.getLogger(DemoFoundation.class.getName());
    private static final String RESOURCE = "/org/herdbook/web/demo/demo-foundation.json";

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    Accounts accounts;
    @Inject
    Memberships memberships;
    @Inject
    @ConfigProperty(name = "herdbook.demo", defaultValue = "false")
    boolean requested;

    /** The demo foundation's description, as stored in the JSON resource. */
    public record Description(String name, String currency, String timeZone, List<Person> people) {
    }

    public record Person(String email, String name, String language, List<String> roles, Integer duesMonths) {
    }

    @Transactional
    public void loadIfRequested() {
        if (!requested) {
            return;
        }
        if (entityManager.find(Foundation.class, Foundation.THE_FOUNDATION) != null) {
            LOG.info("HERDBOOK_DEMO is set but this Herdbook already has a foundation: no demo data loaded.");
            return;
        }
        Description demo = read();
        entityManager.persist(new Foundation(demo.name(), Currency.getInstance(demo.currency()), ZoneId.of(demo.timeZone())));
        StringBuilder credentials = new StringBuilder();
        for (Person person : demo.people()) {
            String password = SecretTokens.newToken("").substring(0, 16);
            Role[] roles = person.roles().stream().map(role -> Role.valueOf(role.toUpperCase(Locale.ROOT)))
                    .toArray(Role[]::new);
            Account account = accounts.create(person.email(), person.name(), password.toCharArray(),
                    Language.ofTag(person.language()).orElse(Language.DEFAULT), roles);
            if (person.roles().contains(Role.MEMBER.roleName())) {
                memberships.apply(account);
                if (person.duesMonths() != null) {
                    entityManager.flush();
                    memberships.recordDuesPayment(account.getId(), Money.of("5.00", Currency.getInstance(
                            demo.currency())).multipliedBy(java.math.BigDecimal.valueOf(person.duesMonths()),
                            java.math.RoundingMode.UNNECESSARY), LocalDate.now(ZoneId.of(demo.timeZone())),
                            person.duesMonths(), DuesPayment.Source.HAND, "demo", null);
                }
            }
            credentials.append(System.lineSeparator()).append("  ").append(person.email()).append("  ")
                    .append(password).append("  ").append(person.roles());
        }
        LOG.warning(() -> "Demo foundation \"" + demo.name() + "\" loaded. Sign in as (passwords shown once):" + credentials);
    }

    static Description read() {
        try (InputStream json = DemoFoundation.class.getResourceAsStream(RESOURCE); Jsonb jsonb = JsonbBuilder.create()) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return jsonb.fromJson(json, Description.class);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + RESOURCE, e);
        }
    }
}
