package org.herdbook.web.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.herdbook.web.account.control.Credentials;
import org.herdbook.web.account.control.EmailLinks;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.EmailToken;
import org.herdbook.web.page.PageFeedback;

/** The page a reset e-mail links to: a new password, twice. */
@Named
@RequestScoped
public class ResetPassword {

    @Inject
    Credentials credentials;
    @Inject
    EmailLinks links;
    @Inject
    PageFeedback feedback;

    private String token;
    private String password;
    private String passwordAgain;
    private boolean open;
    private boolean submitted;

    /** On arrival: only a usable link shows the form; anything else says why (400). */
    public void check() {
        open = links.isUsable(token, EmailToken.Purpose.RESET_PASSWORD);
        if (!open) {
            feedback.status(400);
            feedback.error("problem.link-invalid.detail");
        }
    }

    public void submit() throws IOException {
        submitted = true;
        Account account = feedback.attempt(() -> credentials.reset(token, password, passwordAgain));
        if (account != null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/sign-in.xhtml?reset=done");
            return;
        }
        open = links.isUsable(token, EmailToken.Purpose.RESET_PASSWORD);
    }

    /** The form is shown for a usable link, and kept on a postback so that its fields are read. */
    public boolean isOpen() {
        return open || (FacesContext.getCurrentInstance().isPostback() && !submitted);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
