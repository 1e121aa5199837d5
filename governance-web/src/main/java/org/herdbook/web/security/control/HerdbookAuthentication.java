package org.herdbook.web.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Problems;

/**
 * The application's one authentication mechanism.
 *
 * <ul>
 * <li>{@code Authorization: Bearer <token>}: the token's account, for this request only.</li>
 * <li>A sign-in started by {@code SecurityContext.authenticate} with an e-mail and password: checked
 * under the sign-in limits; on success the session is re-keyed and remembers the account.</li>
 * <li>A session that remembers an account: that account, with its roles as they are now.</li>
 * <li>Otherwise a protected page redirects to the sign-in page, a protected API call gets 401.</li>
 * </ul>
 */
@ApplicationScoped
public class HerdbookAuthentication implements HttpAuthenticationMechanism {

    /** Session attribute holding the signed-in account's id. */
    public static final String SESSION_ACCOUNT = "herdbook.account";
    /** Request attribute holding the signed-in {@link Account}, loaded once per request. */
    public static final String REQUEST_ACCOUNT = "herdbook.requestAccount";
    /** Request attribute holding the {@link Authenticator.Outcome} of a sign-in attempt. */
    public static final String SIGN_IN_OUTCOME = "herdbook.signInOutcome";
    public static final String SIGN_IN_PAGE = "/sign-in.xhtml";
    /** Thread-safe and costly to create: one for every 401 this mechanism writes. */
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Accounts accounts;
    @Inject
    AccessTokens tokens;
    @Inject
    Authenticator authenticator;
    @Inject
    Problems problems;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Account> caller = tokens.accountOf(authorization.substring(7).trim()).flatMap(accounts::byId)
                    .filter(account -> !account.isClosed());
            if (caller.isPresent()) {
                return signedIn(context, caller.get());
            }
            return unauthorized(response, "invalid-token");
        }

        Credential credential = context.isAuthenticationRequest() && context.getAuthParameters() != null
                ? context.getAuthParameters().getCredential() : null;
        if (credential instanceof UsernamePasswordCredential password) {
            Authenticator.Outcome outcome = authenticator.signIn(password.getCaller(),
                    password.getPassword().getValue(), request.getRemoteAddr());
            request.setAttribute(SIGN_IN_OUTCOME, outcome);
            if (outcome instanceof Authenticator.SignedIn signedIn) {
                rememberInNewSession(request, signedIn.account());
                return signedIn(context, signedIn.account());
            }
            return AuthenticationStatus.SEND_FAILURE;
        }

        Optional<Account> remembered = rememberedAccount(request);
        if (remembered.isPresent()) {
            return signedIn(context, remembered.get());
        }
        if (context.isProtected()) {
            if (isApi(request)) {
                return unauthorized(response, "authentication-required");
            }
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                    + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ACCOUNT);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private Optional<Account> rememberedAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ACCOUNT) instanceof UUID id)) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.byId(id).filter(found -> !found.isClosed());
        if (account.isEmpty()) {
            session.invalidate();
        }
        return account;
    }

    /**
     * Signs {@code account} in for this browser: the session is re-keyed (no fixation) and
     * remembers the account. Every way of signing in (password, Mastodon) ends here.
     */
    public static void rememberInNewSession(HttpServletRequest request, Account account) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_ACCOUNT, account.getId());
    }

    private static AuthenticationStatus signedIn(HttpMessageContext context, Account account) {
        context.getRequest().setAttribute(REQUEST_ACCOUNT, account);
        Set<String> groups = account.getRoles().stream().map(Role::roleName).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(account.getId().toString(), groups);
    }

    private AuthenticationStatus unauthorized(HttpServletResponse response, String kind) {
        Problem problem = problems.problem(kind, jakarta.ws.rs.core.Response.Status.UNAUTHORIZED);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(JSON.toJson(problem));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the 401 problem", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** A local path to continue to after signing in; anything else (another host, a scheme) is refused. */
    public static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(Character::isISOControl)) {
            return "/member/index.xhtml";
        }
        return next;
    }
}
