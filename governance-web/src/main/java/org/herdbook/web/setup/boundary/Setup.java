package org.herdbook.web.setup.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.setup.control.FirstRun;
import org.herdbook.web.setup.control.SetupForm;
import org.herdbook.web.setup.control.SetupRefused;

/** The one-time setup page: the first administrator and the foundation's settings. */
@Named
@ViewScoped
public class Setup implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FirstRun firstRun;
    @Inject
    transient Messages messages;
    @Inject
    transient RequestLanguage language;

    private String token;
    private String adminEmail;
    private String adminName;
    private String password;
    private String passwordAgain;
    private String foundationName;
    private String currency = "CAD";
    private String timeZone = "America/Toronto";
    private boolean open;

    /** On arrival: is this link still able to set Herdbook up? Answers 403 or 409 when not. */
    public void check() {
        Optional<SetupRefused.Reason> refusal = firstRun.refusal(token);
        open = refusal.isEmpty();
        refusal.ifPresent(reason -> refuse(reason, List.of(reason == SetupRefused.Reason.ALREADY_DONE
                ? "setup.already-done" : "setup.invalid-token")));
    }

    public void submit() throws IOException {
        try {
            firstRun.complete(token, new SetupForm(adminEmail, adminName, password, passwordAgain, foundationName,
                    currency, timeZone));
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/sign-in.xhtml?setup=done");
        } catch (SetupRefused refused) {
            open = refused.reason() == SetupRefused.Reason.INVALID_INPUT;
            refuse(refused.reason(), refused.messageKeys());
        }
    }

    private void refuse(SetupRefused.Reason reason, List<String> keys) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().setResponseStatus(reason.httpStatus());
        for (String key : keys) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    messages.get(language.current(), key), null));
        }
    }

    /** ISO 4217 currencies, by code, with their names in the visitor's language. */
    public List<Option> getCurrencies() {
        return Currency.getAvailableCurrencies().stream()
                .filter(available -> available.getDefaultFractionDigits() >= 0)
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .map(available -> new Option(available.getCurrencyCode(),
                        available.getCurrencyCode() + " — " + available.getDisplayName(language.getLocale())))
                .toList();
    }

    public List<String> getTimeZones() {
        return List.copyOf(new TreeSet<>(java.time.ZoneId.getAvailableZoneIds()));
    }

    /** A choice in a select list. */
    public record Option(String value, String label) implements Serializable {
    }

    public boolean isOpen() {
        return open;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
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

    public String getFoundationName() {
        return foundationName;
    }

    public void setFoundationName(String foundationName) {
        this.foundationName = foundationName;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
