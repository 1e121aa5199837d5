package org.herdbook.web.mastodon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.mastodon.control.MastodonClient.GrantRefused;
import org.herdbook.web.mastodon.control.MastodonClient.InstanceUnreachable;
import org.herdbook.web.mastodon.control.Outcome.Kind;
import org.herdbook.web.mastodon.entity.RegisteredApp;
import org.herdbook.web.security.control.HerdbookAuthentication;

/**
 * The authorization code flow with PKCE: {@link #start} sends the browser to the instance,
 * {@link #complete} checks what comes back, exchanges the code and signs in or links.
 */
@ApplicationScoped
public class MastodonFlows {

    /** Session attribute holding the one {@link PendingFlow} of a browser session. */
    public static final String SESSION_FLOW = "herdbook.mastodon.flow";
    /** Authorization codes are short; a longer one is not a code. */
    static final int MAX_CODE_LENGTH = 1024;
    private static final Logger LOG = Logger.getLogger(MastodonFlows.class.getName());

    @Inject
    MastodonInstance configuration;
    @Inject
    MastodonApps apps;
    @Inject
    MastodonClient client;
    @Inject
    MastodonIdentities identities;
    @Inject
    Accounts accounts;

    /**
     * Starts a flow in the request's session (replacing one not finished) and returns the
     * instance's authorization address to redirect to.
     */
    public URI start(HttpServletRequest request, PendingFlow.Intent intent, UUID accountId, String next,
            Language language) throws InstanceUnreachable {
        InstanceUrl instance = configuration.configured().orElseThrow(() -> new IllegalStateException("Mastodon is off"));
        RegisteredApp app = apps.forInstance(instance);
        PendingFlow flow = PendingFlow.start(intent, instance, accountId, next, Instant.now());
        request.getSession(true).setAttribute(SESSION_FLOW, flow);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.getClientId());
        query.put("redirect_uri", app.getRedirectUri());
        query.put("scope", app.getScopes());
        query.put("state", flow.state());
        query.put("code_challenge", flow.codeChallenge());
        query.put("code_challenge_method", Pkce.METHOD);
        query.put("lang", language.tag());
        return instance.endpoint("/oauth/authorize?" + query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&")));
    }

    /**
     * Finishes the flow the instance sent the browser back for. The session's flow is consumed
     * first, whatever happens next; nothing is stored unless every check passed.
     */
    public Outcome complete(HttpServletRequest request) {
        InstanceUrl instance = configuration.configured().orElseThrow(() -> new IllegalStateException("Mastodon is off"));
        String host = instance.host();
        HttpSession session = request.getSession(false);
        PendingFlow flow = null;
        if (session != null && session.getAttribute(SESSION_FLOW) instanceof PendingFlow pending) {
            flow = pending;
            session.removeAttribute(SESSION_FLOW);
        }
        if (flow == null || !flow.isAnsweredBy(request.getParameter("state"), instance, Instant.now())) {
            return Outcome.of(Kind.STATE_MISMATCH, host);
        }
        if (flow.intent() == PendingFlow.Intent.LINK && !flow.accountId().equals(signedInAccount(request).orElse(null))) {
            // Signed out, or signed in as someone else, since the link was started.
            return Outcome.of(Kind.STATE_MISMATCH, host);
        }
        String error = request.getParameter("error");
        if (error != null) {
            return Outcome.of("access_denied".equals(error) ? Kind.DENIED : Kind.FAILED, flow, host);
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            return Outcome.of(Kind.FAILED, flow, host);
        }

        MastodonAccount mastodon;
        try {
            RegisteredApp app = apps.forInstance(instance);
            String token = client.exchangeCode(instance, app, code, flow.codeVerifier());
            try {
                mastodon = client.verifyCredentials(instance, token);
            } finally {
                client.revoke(instance, app, token);
            }
        } catch (GrantRefused refused) {
            LOG.info(refused::getMessage);
            return Outcome.of(Kind.GRANT_REFUSED, flow, host);
        } catch (InstanceUnreachable unreachable) {
            LOG.warning(unreachable::getMessage);
            return Outcome.of(Kind.UNREACHABLE, flow, host);
        }

        if (flow.intent() == PendingFlow.Intent.LINK) {
            Kind kind = switch (identities.link(flow.accountId(), instance, mastodon)) {
                case LINKED -> Kind.LINKED;
                case LINKED_TO_ANOTHER_ACCOUNT -> Kind.LINKED_TO_ANOTHER_ACCOUNT;
                case ACCOUNT_HAS_ANOTHER_LINK -> Kind.ACCOUNT_HAS_ANOTHER_LINK;
            };
            return new Outcome(kind, true, mastodon.acct(), host, null);
        }
        Optional<Account> account = identities.accountSignedInAs(instance, mastodon).flatMap(accounts::byId);
        if (account.isEmpty()) {
            return new Outcome(Kind.NOT_LINKED, false, mastodon.acct(), host, null);
        }
        HerdbookAuthentication.rememberInNewSession(request, account.get());
        return new Outcome(Kind.SIGNED_IN, false, mastodon.acct(), host, HerdbookAuthentication.safeNext(flow.next()));
    }

    private static Optional<UUID> signedInAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(HerdbookAuthentication.SESSION_ACCOUNT) instanceof UUID id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
