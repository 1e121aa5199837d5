package org.herdbook.web.membership.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.membership.control.BylawsSettings;

/** The bylaws settings the membership rules read: every member may read them, an administrator changes them. */
@Path("bylaws")
@RequestScoped
@Tag(name = "Members")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class BylawsResource {

    @Inject
    BylawsSettings settings;
    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBylaws", summary = "Grace days for late dues, whether grace keeps the vote, minimum"
            + " days of membership to vote")
    public BylawsSettings.Bylaws getBylaws() {
        return settings.current();
    }

    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "updateBylaws", summary = "Change the bylaws settings (recorded in the audit log)")
    public BylawsSettings.Bylaws updateBylaws(@NotNull(message = "{validation.body.required}") BylawsSettings.Bylaws body) {
        return settings.change(body, UUID.fromString(security.getUserPrincipal().getName()));
    }
}
