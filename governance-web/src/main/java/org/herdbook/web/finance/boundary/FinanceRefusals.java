package org.herdbook.web.finance.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herdbook.finance.Refusal;
import org.herdbook.web.api.Problem;
import org.herdbook.web.finance.control.FinanceTexts;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * A finance operation the books refuse, as a problem document: its type names the rule
 * ({@code urn:herdbook:problem:finance.ledger.monthClosed}), its detail explains it in the
 * caller's language.
 */
@Provider
public class FinanceRefusals implements ExceptionMapper<Refusal> {

    @Inject
    FinanceTexts texts;
    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;

    @Override
    public Response toResponse(Refusal refusal) {
        Response.Status status = status(refusal.kind());
        String kind = switch (refusal.kind()) {
            case INVALID -> "finance-invalid";
            case CONFLICT -> "finance-conflict";
            case NOT_FOUND -> "not-found";
            case TOO_LARGE -> "finance-too-large";
        };
        return Problem.of(refusal.messageKey(), status, messages.get(language.current(), "problem." + kind + ".title"),
                texts.explain(language.current(), refusal)).toResponse();
    }

    static Response.Status status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
        };
    }
}
