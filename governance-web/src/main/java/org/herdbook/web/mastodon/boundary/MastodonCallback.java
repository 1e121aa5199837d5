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
import org.herdbook.web.mastodon.control.MastodonFlows;
import org.herdbook.web.mastodon.control.MastodonInstance;
import org.herdbook.web.mastodon.control.Outcome;

/**
 * {@code GET /auth/mastodon/callback}: where the instance sends the browser back. Open to
 * anyone: what protects it is the flow kept in the browser's session ({@code state}, PKCE).
 */
@WebServlet(name = "MastodonCallback", urlPatterns = MastodonInstance.CALLBACK_PATH)
@ServletSecurity(@HttpConstraint(ServletSecurity.EmptyRoleSemantic.PERMIT))
public class MastodonCallback extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MastodonInstance instance;
    @Inject
    transient MastodonFlows flows;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!instance.isEnabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Outcome outcome = flows.complete(request);
        switch (outcome.kind()) {
            case SIGNED_IN -> OutcomePage.redirect(response, request.getContextPath() + outcome.next());
            case LINKED -> OutcomePage.redirect(response, request.getContextPath() + MastodonLink.PAGE + "?linked=true");
            default -> OutcomePage.show(request, response, outcome);
        }
    }
}
