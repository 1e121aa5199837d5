package org.herdbook.web.security.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Problems;
import org.herdbook.web.security.control.AccessTokens;
import org.herdbook.web.security.control.Authenticator;

@Path("tokens")
@RequestScoped
@PermitAll
@Tag(name = "Access")
public class TokenResource {

    @Inject
    Authenticator authenticator;
    @Inject
    AccessTokens tokens;
    @Inject
    Problems problems;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "issueAccessToken", summary = "Exchange an e-mail and password for a bearer token")
    @APIResponse(responseCode = "200", description = "A bearer token for the Authorization header")
    @APIResponse(responseCode = "400", description = "The body is not the expected JSON")
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password")
    @APIResponse(responseCode = "403", description = "The e-mail address is not verified yet")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
    public Response issueAccessToken(@NotNull(message = "{validation.body.required}") @Valid TokenRequest credentials) {
        Authenticator.Outcome outcome = authenticator.signIn(credentials.email(), credentials.password().toCharArray(),
                request.getRemoteAddr());
        if (outcome instanceof Authenticator.SignedIn signedIn) {
            AccessTokens.Issued issued = tokens.issue(signedIn.account());
            return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds(), issued.expiresAt()))
                    .header("Cache-Control", "no-store").build();
        }
        if (outcome instanceof Authenticator.Throttled throttled) {
            return Response.fromResponse(problems.problem("too-many-attempts", Response.Status.TOO_MANY_REQUESTS,
                    throttled.minutes()).toResponse()).header("Retry-After", throttled.retryAfter().toSeconds()).build();
        }
        if (outcome instanceof Authenticator.Unverified) {
            return problems.problem("email-not-verified", Response.Status.FORBIDDEN).toResponse();
        }
        return problems.problem("invalid-credentials", Response.Status.UNAUTHORIZED).toResponse();
    }
}
