package org.herdbook.web.ballots.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * A ballot's URI ({@code /ballots/<id>}, the manifest's {@code ballot} and every vote's
 * {@code aud}) leads to its public page, so the address in a bundle or a receipt can be opened.
 */
@WebServlet(name = "BallotAddress", urlPatterns = "/ballots/*")
public class BallotAddress extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        try {
            UUID id = UUID.fromString(path);
            response.sendRedirect(request.getContextPath() + "/ballot.xhtml?id=" + id);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
