package org.herdbook.web.mastodon.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.mastodon.control.MastodonClient.InstanceUnreachable;
import org.herdbook.web.mastodon.control.MastodonFlows;
import org.herdbook.web.mastodon.control.MastodonInstance;
import org.herdbook.web.mastodon.control.Outcome;
import org.herdbook.web.mastodon.control.PendingFlow;

/** What starting a Mastodon flow means, for signing in and for linking alike: off the instance's page, or why not. */
abstract class FlowStart extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MastodonInstance instance;
    @Inject
    transient MastodonFlows flows;
    @Inject
    transient RequestLanguage language;

    /** Sends the browser to the instance's consent page; 404 without an instance, a page when it is unreachable. */
    void start(HttpServletRequest request, HttpServletResponse response, PendingFlow.Intent intent, UUID accountId,
            String next) throws ServletException, IOException {
        if (!instance.isEnabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            OutcomePage.redirect(response, flows.start(request, intent, accountId, next, language.current()));
        } catch (InstanceUnreachable e) {
            log("Cannot start a Mastodon " + intent + " flow: " + e.getMessage());
            OutcomePage.show(request, response, new Outcome(Outcome.Kind.UNREACHABLE, intent == PendingFlow.Intent.LINK,
                    null, instance.configured().orElseThrow().host(), null));
        }
    }
}
