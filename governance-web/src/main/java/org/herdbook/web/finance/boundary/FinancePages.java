package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.function.Supplier;
import org.herdbook.finance.Refusal;
import org.herdbook.web.finance.control.FinanceTexts;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.page.Transactions;

/**
 * What the finance pages tell people: an action runs in one transaction; a refusal of the books
 * rolls it back and is shown in the visitor's language with its 4xx status.
 */
@RequestScoped
public class FinancePages {

    @Inject
    Transactions transactions;
    @Inject
    FinanceTexts texts;
    @Inject
    RequestLanguage language;
    @Inject
    SecurityContext security;

    /** Runs {@code action} in a transaction; on refusal shows why and returns null. */
    public <T> T attempt(Supplier<T> action) {
        try {
            return transactions.required(action);
        } catch (Refusal refusal) {
            refused(refusal);
            return null;
        }
    }

    public void refused(Refusal refusal) {
        status(FinanceRefusals.status(refusal.kind()).getStatusCode());
        error(texts.explain(language.current(), refusal));
    }

    public String text(String key, Object... arguments) {
        return texts.get(language.current(), key, arguments);
    }

    public void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    public void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public void status(int status) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    /** The signed-in account's id, as the books record who did what. */
    public String caller() {
        return security.getCallerPrincipal().getName();
    }

    public boolean callerIs(String role) {
        return security.isCallerInRole(role);
    }
}
