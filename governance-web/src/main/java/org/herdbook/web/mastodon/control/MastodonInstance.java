package org.herdbook.web.mastodon.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The foundation's Mastodon instance ({@code herdbook.mastodon.url}, env {@code HERDBOOK_MASTODON_URL})
 * and Herdbook's own address as the instance sees it. Unset: signing in with Mastodon is off.
 * Invalid (not https, a path...): it is off too, and the log says why at start-up.
 */
@ApplicationScoped
public class MastodonInstance {

    /** Only what verify_credentials needs (Mastodon 4.3+): no access to posts, follows or anything else. */
    public static final String SCOPES = "profile";
    public static final String CALLBACK_PATH = "/auth/mastodon/callback";
    private static final Logger LOG = Logger.getLogger(MastodonInstance.class.getName());

    @Inject
    @ConfigProperty(name = "herdbook.mastodon.url")
    Optional<String> configuredUrl;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    private Optional<InstanceUrl> instance = Optional.empty();
    private String refusal;

    @PostConstruct
    void parse() {
        if (configuredUrl.isEmpty() || configuredUrl.get().isBlank()) {
            return;
        }
        try {
            instance = Optional.of(InstanceUrl.parse(configuredUrl.get()));
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
        }
    }

    void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (refusal != null) {
            LOG.severe(() -> "Signing in with Mastodon is OFF: HERDBOOK_MASTODON_URL is not usable (" + refusal + ").");
        } else {
            instance.ifPresent(found -> LOG.info(() -> "Signing in with Mastodon through " + found + "; callback "
                    + redirectUri()));
        }
    }

    /** The instance, when signing in with Mastodon is on. */
    public Optional<InstanceUrl> configured() {
        return instance;
    }

    public boolean isEnabled() {
        return instance.isPresent();
    }

    /** Where the instance sends the browser back to: from the configured base URL, never from a request's Host header. */
    public String redirectUri() {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + CALLBACK_PATH;
    }

    public String website() {
        return baseUrl.strip();
    }
}
