package org.herdbook.web.foundation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.herdbook.web.foundation.entity.Foundation;

/** Reads the foundation's settings; empty until first-run setup has happened. */
@ApplicationScoped
public class FoundationProfile {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;

    public Optional<Foundation> current() {
        return Optional.ofNullable(entityManager.find(Foundation.class, Foundation.THE_FOUNDATION));
    }
}
