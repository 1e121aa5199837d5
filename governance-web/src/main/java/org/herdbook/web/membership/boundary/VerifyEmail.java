package org.herdbook.web.membership.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.membership.control.MemberRegistration;
import org.herdbook.web.page.PageFeedback;

/** The page the verification e-mail links to; it can also send a new link. */
@Named
@RequestScoped
public class VerifyEmail {

    @Inject
    MemberRegistration registration;
    @Inject
    PageFeedback feedback;

    private String token;
    private String email;
    private boolean verified;

    /** On arrival with a token: use it. An unknown, used or expired link gets 400 or 410 and says why. */
    public void verify() {
        if (token == null) {
            return;
        }
        Account account = feedback.attempt(() -> registration.verify(token));
        verified = account != null;
        if (verified) {
            feedback.info("verify.done");
        }
    }

    public void resend() {
        if (feedback.attempt(() -> registration.resendVerification(email))) {
            feedback.info("verify.resend.sent");
        }
    }

    public boolean isVerified() {
        return verified;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
