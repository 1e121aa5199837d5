package org.herdbook.web.mastodon.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.mastodon.control.MastodonClient.InstanceUnreachable;
import org.herdbook.web.mastodon.control.MastodonFlows;
import org.herdbook.web.mastodon.control.MastodonInstance;
import org.herdbook.web.mastodon.control.Outcome;
import org.herdbook.web.mastodon.control.PendingFlow;

/** {@code GET /auth/mastodon/sign-in?next=...}: anyone may start signing in with Mastodon. */
@WebServlet(name = "MastodonSignInStart", urlPatterns = "/auth/mastodon/sign-in")
@ServletSecurity(@HttpConstraint(ServletSecurity.EmptyRoleSemantic.PERMIT))
public class MastodonSignInStart extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MastodonInstance instance;
    @Inject
    transient MastodonFlows flows;
    @Inject
    transient RequestLanguage language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!instance.isEnabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            OutcomePage.redirect(response, flows.start(request, PendingFlow.Intent.SIGN_IN, null,
                    request.getParameter("next"), language.current()));
        } catch (InstanceUnreachable e) {
            log("Cannot start signing in with Mastodon: " + e.getMessage());
            OutcomePage.show(request, response, Outcome.of(Outcome.Kind.UNREACHABLE, instance.configured().orElseThrow().host()));
        }
    }
}
