package org.herdbook.web.mastodon.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.mastodon.control.InstanceUrl;
import org.herdbook.web.mastodon.control.MastodonInstance;
import org.herdbook.web.mastodon.control.Outcome;
import org.herdbook.web.page.PageFeedback;

/** Signing in with Mastodon as pages show it: the button on the sign-in page and the outcome page. */
@Named
@RequestScoped
public class MastodonSignIn {

    @Inject
    MastodonInstance instance;
    @Inject
    HttpServletRequest request;
    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;

    public boolean isEnabled() {
        return instance.isEnabled();
    }

    public String getInstanceHost() {
        return instance.configured().map(InstanceUrl::host).orElse("");
    }

    /** The address that starts signing in, carrying the sign-in page's {@code next} along. */
    public String getStartHref() {
        String next = request.getParameter("next");
        return request.getContextPath() + "/auth/mastodon/sign-in"
                + (next == null || next.isBlank() ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** On the outcome page: only the Mastodon servlets show it; visited directly it does not exist. */
    public void checkOutcome() throws IOException {
        if (outcome().isEmpty()) {
            PageFeedback.notFound();
        }
    }

    public String getOutcomeMessage() {
        return outcome().filter(found -> found.kind().messageKey() != null)
                .map(found -> messages.get(language.current(), found.kind().messageKey(),
                        found.acct() == null ? "" : found.acct(), found.instanceHost()))
                .orElse("");
    }

    public String getOutcomeKind() {
        return outcome().map(found -> found.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).orElse("");
    }

    /** Signing in again makes sense after a sign-in; after linking, the way back is the account page. */
    public boolean isSignInOffered() {
        return outcome().map(found -> !found.linking()).orElse(false);
    }

    private Optional<Outcome> outcome() {
        return request.getAttribute(OutcomePage.ATTRIBUTE) instanceof Outcome outcome ? Optional.of(outcome) : Optional.empty();
    }
}
