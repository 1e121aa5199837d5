package org.herdbook.web.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.EmailToken;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.mail.control.Letters;
import org.herdbook.web.security.control.AccessTokens;

/**
 * Passwords after sign-up: a reset through a link sent by e-mail, and a change that needs the
 * current password. Either revokes the account's API tokens and tells the person by e-mail.
 */
@ApplicationScoped
public class Credentials {

    public static final String RESET_PATH = "/reset-password.xhtml?token=";

    @Inject
    Accounts accounts;
    @Inject
    PasswordHashing passwords;
    @Inject
    EmailLinks links;
    @Inject
    Letters letters;
    @Inject
    AuditLog audit;
    @Inject
    AccessTokens tokens;
    @Inject
    @ConfigProperty(name = "herdbook.base-url", defaultValue = "http://localhost:9080")
    String baseUrl;

    /** Sends a reset link when the address has an open, verified account; the caller learns nothing either way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestReset(String email) {
        accounts.byEmail(email).filter(Account::maySignIn).ifPresent(account -> {
            String token = links.issue(account, EmailToken.Purpose.RESET_PASSWORD);
            letters.post(account, "reset", baseUrl.replaceAll("/+$", "") + RESET_PATH + token + "&lang="
                    + account.getPreferredLanguage().tag(),
                    links.resetValidity().toMinutes());
        });
    }

    /** Sets a new password through a reset link. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account reset(String token, String newPassword, String again) {
        InvalidInput.refuseUnlessEmpty(newPasswordProblems(newPassword, again));
        UUID id = links.use(token, EmailToken.Purpose.RESET_PASSWORD);
        Account account = accounts.byId(id).filter(Account::maySignIn)
                .orElseThrow(() -> new Refusal("link-invalid", Response.Status.BAD_REQUEST));
        replace(account, newPassword, AuditLog.Action.PASSWORD_RESET);
        return account;
    }

    /** Changes the password of the signed-in account, which proves itself with the current one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Account account, String current, String newPassword, String again) {
        InvalidInput.refuseUnlessEmpty(newPasswordProblems(newPassword, again));
        if (current == null || !passwords.matches(current.toCharArray(), account.getPasswordHash())) {
            throw new Refusal("wrong-current-password", Response.Status.FORBIDDEN);
        }
        replace(account, newPassword, AuditLog.Action.PASSWORD_CHANGED);
    }

    private void replace(Account account, String newPassword, AuditLog.Action action) {
        account.changePasswordHash(passwords.hash(newPassword.toCharArray()));
        tokens.revokeAll(account.getId());
        audit.record(account.getId(), action, account.getId(), "");
        letters.post(account, "password-changed");
    }

    static List<String> newPasswordProblems(String password, String again) {
        String weakness = PasswordHashing.weaknessOf(password);
        if (weakness != null) {
            return List.of("validation." + weakness);
        }
        if (again != null && !again.equals(password)) {
            return List.of("validation.password.mismatch");
        }
        return List.of();
    }
}
