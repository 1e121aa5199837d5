package org.herdbook.web.ballots.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ResourceBundle;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.web.api.Problem;
import org.herdbook.web.ballots.control.VoteRefused;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * A refused vote as a problem document: type {@code urn:herdbook:problem:vote.<code>} with the
 * ballots module's stable rejection code, detail from its bundle in the caller's language.
 */
@Provider
public class VoteRefusals implements ExceptionMapper<VoteRefused> {

    private static final String BALLOTS_BUNDLE = "org.herdbook.ballots.messages";

    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;

    @Override
    public Response toResponse(VoteRefused refused) {
        return problemOf(refused, messages, language.current()).toResponse();
    }

    /** The problem for a refused vote in {@code language} (also for casts answered after their request's scope). */
    static Problem problemOf(VoteRefused refused, Messages messages, Language language) {
        Rejection reason = refused.reason();
        String detail = ResourceBundle.getBundle(BALLOTS_BUNDLE, language.locale(),
                Rejection.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)).getString(reason.messageKey());
        return Problem.of("vote." + reason.code(), status(reason), messages.get(language, "problem.vote.title"),
                detail);
    }

    static Response.StatusType status(Rejection reason) {
        return switch (reason) {
            case OVERSIZED -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case NOT_ON_ROLL -> Response.Status.FORBIDDEN;
            case NOT_OPEN, CLOSED, REPLAYED, STALE_SEQUENCE -> Response.Status.CONFLICT;
            case UNKNOWN_KEY, BAD_SIGNATURE -> new Unprocessable();
            default -> Response.Status.BAD_REQUEST;
        };
    }

    /** 422: the JAX-RS status enumeration has no constant for it. */
    private static final class Unprocessable implements Response.StatusType {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    }
}
