package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.web.account.control.AccountForm;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.control.EmailLinks;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.EmailToken;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.mail.control.Letters;

/**
 * Joining: an account that cannot sign in yet, a general membership application, and an e-mail
 * with a link that proves the address. The link is the only way in.
 */
@ApplicationScoped
public class MemberRegistration {

    public static final String VERIFY_PATH = "/verify-email.xhtml?token=";

    @Inject
    Accounts accounts;
    @Inject
    Memberships memberships;
    @Inject
    EmailLinks links;
    @Inject
    Letters letters;
    @Inject
    AuditLog audit;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /**
     * @throws InvalidInput with every reason the form is refused
     * @throws org.herdbook.web.api.Refusal {@code duplicate-email} (409)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account register(AccountForm form, Language fallback) {
        InvalidInput.refuseUnlessEmpty(form.problems());
        memberships.foundation();
        Account account = accounts.register(form.email(), form.displayName(), form.password().toCharArray(),
                form.languageOr(fallback));
        memberships.apply(account);
        audit.record(account.getId(), AuditLog.Action.ACCOUNT_REGISTERED, account.getId(), "");
        sendVerification(account);
        return account;
    }

    /** Marks the address the link was sent to as verified: the account may sign in from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account verify(String token) {
        UUID id = links.use(token, EmailToken.Purpose.VERIFY_EMAIL);
        Account account = accounts.byId(id).orElseThrow();
        account.markEmailVerified();
        audit.record(id, AuditLog.Action.EMAIL_VERIFIED, id, "");
        return account;
    }

    /** A new link for an unverified address; says nothing about whether the address has an account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resendVerification(String email) {
        accounts.byEmail(email).filter(account -> !account.isEmailVerified() && !account.isClosed())
                .ifPresent(this::sendVerification);
    }

    private void sendVerification(Account account) {
        String token = links.issue(account, EmailToken.Purpose.VERIFY_EMAIL);
        // The link carries the reader's language, so the page it opens speaks it too.
        letters.post(account, "verify", base() + VERIFY_PATH + token + "&lang=" + account.getPreferredLanguage().tag(),
                links.verificationValidity().toHours());
    }

    private String base() {
        return baseUrl.replaceAll("/+$", "");
    }
}
