package org.herdbook.web.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.HerdbookApi;

@Path("me")
@RequestScoped
@RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
@Tag(name = "Access")
public class CurrentAccountResource {

    @Inject
    Accounts accounts;
    @Context
    SecurityContext security;

    /** The signed-in account as the API shows it to its owner. */
    public record CurrentAccount(UUID id, String email, String displayName, String language, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCurrentAccount", summary = "The account the bearer token belongs to")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    public CurrentAccount getCurrentAccount() {
        Account account = accounts.byId(UUID.fromString(security.getUserPrincipal().getName()))
                .orElseThrow(() -> new NotAuthorizedException("Bearer"));
        return new CurrentAccount(account.getId(), account.getEmail(), account.getDisplayName(),
                account.getPreferredLanguage().tag(), account.getRoles().stream().map(Role::roleName).sorted().toList());
    }
}
