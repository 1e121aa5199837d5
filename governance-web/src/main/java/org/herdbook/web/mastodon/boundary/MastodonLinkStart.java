package org.herdbook.web.mastodon.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.herdbook.web.mastodon.control.PendingFlow;

/**
 * {@code GET /auth/mastodon/link}: a signed-in person starts linking their Mastodon account.
 *
 * <p>A link rather than a form: browsers apply the page's CSP {@code form-action 'self'} to the
 * redirect that follows a form, which would block the way to the instance. Another site can at
 * most send a signed-in person to their own instance's consent page: the link is made only for
 * the Mastodon account that approves there, in this browser session ({@code state}).
 */
@WebServlet(name = "MastodonLinkStart", urlPatterns = "/auth/mastodon/link")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"member", "treasurer", "secretary", "board", "admin"}))
public class MastodonLinkStart extends FlowStart {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        start(request, response, PendingFlow.Intent.LINK, UUID.fromString(request.getUserPrincipal().getName()), null);
    }
}
