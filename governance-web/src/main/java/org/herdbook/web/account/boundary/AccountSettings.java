package org.herdbook.web.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.herdbook.web.account.control.AccountForm;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.control.Credentials;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.LanguageFilter;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.privacy.control.AccountClosure;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The settings page: name and language, password, data download, closing the account. */
@Named
@RequestScoped
public class AccountSettings {

    @Inject
    CurrentAccount me;
    @Inject
    Accounts accounts;
    @Inject
    Credentials credentials;
    @Inject
    AccountClosure closure;
    @Inject
    PageFeedback feedback;

    private String displayName;
    private String preferredLanguage;
    private String currentPassword;
    private String newPassword;
    private String newPasswordAgain;
    private String confirmEmail;

    @PostConstruct
    void load() {
        if (me.isSignedIn()) {
            displayName = me.account().getDisplayName();
            preferredLanguage = me.account().getPreferredLanguage().tag();
        }
    }

    public void savePreferences() throws IOException {
        boolean saved = feedback.attempt(() -> {
            InvalidInput.refuseUnlessEmpty(AccountForm.displayNameProblems(displayName));
            Language language = Language.ofTag(preferredLanguage)
                    .orElseThrow(() -> new InvalidInput(List.of("validation.language.invalid")));
            Account account = managed();
            account.changeDisplayName(displayName);
            account.changePreferredLanguage(language);
        });
        if (saved) {
            // The new language applies from the next page: show it there.
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/member/account.xhtml?saved=1&"
                    + LanguageFilter.PARAMETER + "=" + preferredLanguage);
        }
    }

    public void changePassword() {
        if (feedback.attempt(() -> credentials.change(managed(), currentPassword, newPassword, newPasswordAgain))) {
            feedback.info("account.password.changed");
        }
    }

    public void close() throws IOException {
        if (feedback.attempt(() -> closure.close(managed(), confirmEmail))) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpSession session = ((HttpServletRequest) external.getRequest()).getSession(false);
            if (session != null) {
                session.invalidate();
            }
            external.redirect(external.getRequestContextPath() + "/index.xhtml?closed=1");
        }
    }

    private Account managed() {
        return accounts.byId(me.account().getId()).orElseThrow();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordAgain() {
        return newPasswordAgain;
    }

    public void setNewPasswordAgain(String newPasswordAgain) {
        this.newPasswordAgain = newPasswordAgain;
    }

    public String getConfirmEmail() {
        return confirmEmail;
    }

    public void setConfirmEmail(String confirmEmail) {
        this.confirmEmail = confirmEmail;
    }
}
