package org.herdbook.web.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.security.control.Authenticator;
import org.herdbook.web.security.control.HerdbookAuthentication;

/** The sign-in page's form: e-mail and password, then back where the person was going. */
@Named
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext securityContext;
    @Inject
    FacesContext faces;
    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;

    @NotBlank(message = "{validation.email.required}")
    @Size(max = 254, message = "{validation.email.invalid}")
    private String email;
    @NotBlank(message = "{validation.password.required}")
    @Size(max = 200, message = "{validation.password.too-long}")
    private String password;
    private String next;

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(request.getContextPath() + HerdbookAuthentication.safeNext(next));
            faces.responseComplete();
            return;
        }
        Object outcome = request.getAttribute(HerdbookAuthentication.SIGN_IN_OUTCOME);
        String text;
        if (outcome instanceof Authenticator.Throttled throttled) {
            external.setResponseStatus(429);
            text = messages.get(language.current(), "signin.throttled", throttled.minutes());
        } else if (outcome instanceof Authenticator.Unverified) {
            external.setResponseStatus(403);
            text = messages.get(language.current(), "signin.unverified");
        } else {
            external.setResponseStatus(401);
            text = messages.get(language.current(), "signin.refused");
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Where to go after signing in: the {@code next} parameter the sign-in page was opened with. */
    public String getNext() {
        if (next == null) {
            next = faces.getExternalContext().getRequestParameterMap().get("next");
        }
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
