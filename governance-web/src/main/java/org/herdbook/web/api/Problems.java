package org.herdbook.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/** Builds problem documents in the caller's language from {@code problem.<kind>.*} messages. */
@RequestScoped
public class Problems {

    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;

    /** A problem whose title is {@code problem.<kind>.title} and detail {@code problem.<kind>.detail}. */
    public Problem problem(String kind, Response.StatusType status, Object... detailArguments) {
        return in(messages, language.current(), kind, status, detailArguments);
    }

    /** The same in a given language, for answers written outside the request's scope. */
    public static Problem in(Messages messages, Language language, String kind, Response.StatusType status,
            Object... detailArguments) {
        return Problem.of(kind, status, messages.get(language, "problem." + kind + ".title"),
                messages.get(language, "problem." + kind + ".detail", detailArguments));
    }

    /** A problem with a detail computed by the caller (already in the caller's language). */
    public Problem withDetail(String kind, Response.StatusType status, String detail) {
        return Problem.of(kind, status, messages.get(language.current(), "problem." + kind + ".title"), detail);
    }
}
