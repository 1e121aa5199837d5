package org.herdbook.web.ballots.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.herdbook.web.api.Problems;

/**
 * CSRF protection for API calls a signed-in browser makes with its session cookie (the voting
 * page): a {@link CsrfChecked} operation called without a bearer token needs the header
 * {@value #HEADER} equal to the session's random token, which only pages of this origin can read
 * ({@code #{csrf.token}}). Bearer-token callers are not affected: a token is never sent by a
 * browser on its own.
 */
@Provider
@CsrfChecked
@Priority(Priorities.AUTHORIZATION + 1)
public class SessionCsrf implements ContainerRequestFilter {

    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_TOKEN = "herdbook.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Context
    HttpServletRequest request;
    @Inject
    Problems problems;

    @Override
    public void filter(ContainerRequestContext context) {
        String authorization = context.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
        String sent = context.getHeaderString(HEADER);
        if (!(expected instanceof String token) || sent == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            context.abortWith(problems.problem("csrf", Response.Status.FORBIDDEN).toResponse());
        }
    }

    /** The session's token for pages ({@code #{csrf.token}}), made on first use. */
    @Named("csrf")
    @RequestScoped
    public static class Token {
        @Inject
        HttpServletRequest request;

        public String getToken() {
            HttpSession session = request.getSession(true);
            if (session.getAttribute(SESSION_TOKEN) instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_TOKEN, fresh);
            return fresh;
        }
    }
}
