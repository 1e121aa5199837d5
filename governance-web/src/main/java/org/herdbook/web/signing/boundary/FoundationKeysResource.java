package org.herdbook.web.signing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.signing.control.FoundationKey;

/** The foundation's public signing keys, for anyone who checks a receipt, a result or a report. */
@Path("keys")
@RequestScoped
@Tag(name = "Signatures")
public class FoundationKeysResource {

    public static final String JWK_SET = "application/jwk-set+json";

    @Inject
    FoundationKey key;

    @GET
    @PermitAll
    @Produces(JWK_SET)
    @Operation(operationId = "getFoundationKeys", summary = "The foundation's public signing keys as a JWK set"
            + " (RFC 7517): the current key first, then retired ones")
    public Response getFoundationKeys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(key.publicKeys(), JWK_SET).cacheControl(cache).build();
    }
}
