package org.herdbook.web.mastodon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import org.herdbook.web.mastodon.entity.RegisteredApp;

/**
 * Herdbook's OAuth application on the instance, registered on first use and kept. Two server
 * instances starting their first flow together take the same PostgreSQL advisory lock, so only
 * one of them registers; the unique key (instance, redirect URI, scopes) backs that up.
 */
@ApplicationScoped
public class MastodonApps {

    static final String CLIENT_NAME = "Herdbook";
    private static final Logger LOG = Logger.getLogger(MastodonApps.class.getName());

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    MastodonInstance configuration;
    @Inject
    MastodonClient client;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RegisteredApp forInstance(InstanceUrl instance) throws MastodonClient.InstanceUnreachable {
        String redirectUri = configuration.redirectUri();
        Optional<RegisteredApp> known = find(instance, redirectUri);
        if (known.isPresent()) {
            return known.get();
        }
        // Held until this transaction ends; the second instance then finds the first one's app.
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('herdbook.mastodon_app'))) l")
                .getSingleResult();
        known = find(instance, redirectUri);
        if (known.isPresent()) {
            return known.get();
        }
        MastodonClient.Registration registration = client.register(instance, CLIENT_NAME, redirectUri,
                MastodonInstance.SCOPES, configuration.website());
        RegisteredApp app = new RegisteredApp(instance.origin(), registration.clientId(), registration.clientSecret(),
                redirectUri, MastodonInstance.SCOPES);
        entityManager.persist(app);
        LOG.info(() -> "Registered Herdbook as an OAuth application on " + instance + " (client id "
                + registration.clientId() + ")");
        return app;
    }

    private Optional<RegisteredApp> find(InstanceUrl instance, String redirectUri) {
        return entityManager.createNamedQuery(RegisteredApp.FOR, RegisteredApp.class)
                .setParameter("instance", instance.origin()).setParameter("redirectUri", redirectUri)
                .setParameter("scopes", MastodonInstance.SCOPES).getResultStream().findFirst();
    }
}
