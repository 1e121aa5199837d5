package org.herdbook.web.mastodon.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.herdbook.web.mastodon.control.PendingFlow;

/** {@code GET /auth/mastodon/sign-in?next=...}: anyone may start signing in with Mastodon. */
@WebServlet(name = "MastodonSignInStart", urlPatterns = "/auth/mastodon/sign-in")
@ServletSecurity(@HttpConstraint(ServletSecurity.EmptyRoleSemantic.PERMIT))
public class MastodonSignInStart extends FlowStart {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        start(request, response, PendingFlow.Intent.SIGN_IN, null, request.getParameter("next"));
    }
}
