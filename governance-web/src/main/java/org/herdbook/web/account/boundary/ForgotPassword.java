package org.herdbook.web.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.herdbook.web.account.control.Credentials;
import org.herdbook.web.page.PageFeedback;

/** Asks for a password reset link; the answer is the same whether or not the address has an account. */
@Named
@RequestScoped
public class ForgotPassword {

    @Inject
    Credentials credentials;
    @Inject
    PageFeedback feedback;

    private String email;

    public void submit() {
        if (email != null && email.length() <= 254 && feedback.attempt(() -> credentials.requestReset(email))) {
            feedback.info("forgot.sent");
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
