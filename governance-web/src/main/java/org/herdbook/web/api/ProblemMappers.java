package org.herdbook.web.api;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/** Turns every failure of an API call into a problem document; nothing leaks a stack trace. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** Bodies that are not the JSON the operation expects. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Inject
        Problems problems;

        @Override
        public Response toResponse(JsonbException exception) {
            return problems.problem("malformed-json", Response.Status.BAD_REQUEST).toResponse();
        }
    }

    /** A body the runtime could not read at all (truncated, wrong encoding, not JSON). */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Inject
        Problems problems;

        @Override
        public Response toResponse(ProcessingException exception) {
            return problems.problem("malformed-json", Response.Status.BAD_REQUEST).toResponse();
        }
    }

    /** A request the business rules refuse. */
    @Provider
    public static class Refused implements ExceptionMapper<Refusal> {
        @Inject
        Problems problems;

        @Override
        public Response toResponse(Refusal refusal) {
            return problems.problem(refusal.kind(), refusal.status(), refusal.arguments()).toResponse();
        }
    }

    /** Input that breaks the rules of the operation: every reason, in the caller's language. */
    @Provider
    public static class InvalidFields implements ExceptionMapper<org.herdbook.web.api.InvalidInput> {
        @Inject
        Problems problems;
        @Inject
        Messages messages;
        @Inject
        RequestLanguage language;

        @Override
        public Response toResponse(org.herdbook.web.api.InvalidInput invalid) {
            String detail = invalid.messageKeys().stream().distinct()
                    .map(key -> messages.get(language.current(), key)).collect(Collectors.joining(" "));
            return problems.withDetail("invalid-input", Response.Status.BAD_REQUEST, detail).toResponse();
        }
    }

    /** Bean Validation on boundary parameters: every violated rule, in the caller's language. */
    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Inject
        Problems problems;
        @Inject
        Messages messages;
        @Inject
        RequestLanguage language;

        @Override
        public Response toResponse(ConstraintViolationException exception) {
            String detail = exception.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> messages.validation(language.current(), violation.getMessageTemplate(),
                            violation.getMessage()))
                    .distinct()
                    .collect(Collectors.joining(" "));
            return problems.withDetail("invalid-input", Response.Status.BAD_REQUEST, detail).toResponse();
        }
    }

    /** Standard HTTP failures (404, 405, 415 ...) keep their status and get a problem body. */
    @Provider
    public static class HttpFailure implements ExceptionMapper<WebApplicationException> {
        @Inject
        Problems problems;
        @Context
        SecurityContext security;

        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            if (exception.getCause() instanceof JsonbException || exception.getCause() instanceof ProcessingException) {
                return problems.problem("malformed-json", Response.Status.BAD_REQUEST).toResponse();
            }
            Response.StatusType status = original.getStatusInfo();
            if (exception instanceof ForbiddenException || exception instanceof NotAuthorizedException) {
                // An anonymous caller of a protected operation needs a token, not a refusal.
                boolean anonymous = security == null || security.getUserPrincipal() == null;
                return anonymous
                        ? Response.fromResponse(problems.problem("authentication-required", Response.Status.UNAUTHORIZED)
                                .toResponse()).header("WWW-Authenticate", "Bearer").build()
                        : problems.problem("forbidden", Response.Status.FORBIDDEN).toResponse();
            }
            if (exception instanceof NotFoundException) {
                return problems.problem("not-found", status).toResponse();
            }
            return Problem.of("http-" + status.getStatusCode(), status, status.getReasonPhrase(),
                    status.getReasonPhrase()).toResponse();
        }
    }

    /** Anything unexpected: logged in full here, reported without internals to the caller. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
        @Inject
        Problems problems;

        @Override
        public Response toResponse(RuntimeException exception) {
            LOG.log(Level.SEVERE, "API call failed", exception);
            return problems.problem("internal-error", Response.Status.INTERNAL_SERVER_ERROR).toResponse();
        }
    }
}
