package org.herdbook.web.membership.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.herdbook.web.account.control.AccountForm;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.membership.control.MemberRegistration;
import org.herdbook.web.page.PageFeedback;

/** The sign-up page: apply for membership, then confirm the address from the e-mail. */
@Named
@RequestScoped
public class SignUp {

    @Inject
    MemberRegistration registration;
    @Inject
    PageFeedback feedback;
    @Inject
    RequestLanguage language;

    private String email;
    private String displayName;
    private String password;
    private String preferredLanguage;
    private boolean sent;

    public void submit() {
        Account account = feedback.attempt(() -> registration.register(new AccountForm(email, displayName, password,
                preferredLanguage), language.current()));
        if (account != null) {
            sent = true;
            feedback.info("signup.sent", account.getEmail());
        }
    }

    public boolean isSent() {
        return sent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPreferredLanguage() {
        return preferredLanguage == null ? language.getTag() : preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }
}
