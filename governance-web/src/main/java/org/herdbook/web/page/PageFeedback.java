package org.herdbook.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * What a page tells the person after an action, in their language: a confirmation, or every
 * reason the input was refused with the matching 4xx status. Page beans run the action through
 * {@link #attempt}, which runs it in one transaction: refused means nothing was stored.
 */
@RequestScoped
public class PageFeedback {

    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;
    @Inject
    Transactions transactions;

    /** Runs {@code action} in a transaction; on refusal shows why and returns false. */
    public boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs {@code action} in a transaction; on refusal shows why and returns null. */
    public <T> T attempt(Supplier<T> action) {
        try {
            return transactions.required(action);
        } catch (InvalidInput invalid) {
            status(400);
            invalid.messageKeys().stream().distinct().forEach(key -> error(key));
        } catch (Refusal refusal) {
            status(refusal.status().getStatusCode());
            add(FacesMessage.SEVERITY_ERROR, messages.get(language.current(), refusal.detailKey(), refusal.arguments()));
        }
        return null;
    }

    /** A message in the visitor's language. */
    public String text(String key, Object... arguments) {
        return messages.get(language.current(), key, arguments);
    }

    public void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, messages.get(language.current(), key, arguments));
    }

    public void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, messages.get(language.current(), key, arguments));
    }

    public void status(int status) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    /**
     * Answers with the localized "not found" error page instead of this page. The error page is a
     * Faces request of its own, which releases this one's {@code FacesContext} from the thread, so
     * the context is taken before and told afterwards that the response is complete.
     */
    public static void notFound() throws java.io.IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, null);
        faces.responseComplete();
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
