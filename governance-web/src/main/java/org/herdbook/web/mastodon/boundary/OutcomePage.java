package org.herdbook.web.mastodon.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.herdbook.web.mastodon.control.Outcome;

/** How the Mastodon servlets answer: a redirect, or the explanatory page with the outcome's status. */
final class OutcomePage {

    static final String VIEW = "/mastodon-sign-in.xhtml";
    /** Request attribute carrying the {@link Outcome} to the page. */
    static final String ATTRIBUTE = "herdbook.mastodon.outcome";

    private OutcomePage() {
    }

    static void show(HttpServletRequest request, HttpServletResponse response, Outcome outcome)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, outcome);
        response.setStatus(outcome.kind().status());
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(VIEW).forward(request, response);
    }

    static void redirect(HttpServletResponse response, String location) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(location);
    }

    static void redirect(HttpServletResponse response, URI location) throws IOException {
        redirect(response, location.toString());
    }
}
