package org.herdbook.web.account.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.control.AccountForm;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.control.RoleGrants;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.membership.control.Memberships;

/** Accounts as an administrator manages them: create one, list them, grant and revoke roles. */
@Path("accounts")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "Accounts")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class AccountsResource {

    @Inject
    Accounts accounts;
    @Inject
    RoleGrants roleGrants;
    @Inject
    Memberships memberships;
    @Inject
    AuditLog audit;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    /** An account an administrator opens for someone (a director, the treasurer). */
    public record NewAccount(String email, String displayName, String password, String language, List<String> roles) {
    }

    public record AccountView(UUID id, String email, String displayName, String language, List<String> roles,
            boolean emailVerified) {
        static AccountView of(Account account) {
            return new AccountView(account.getId(), account.getEmail(), account.getDisplayName(),
                    account.getPreferredLanguage().tag(),
                    account.getRoles().stream().map(Role::roleName).sorted().toList(), account.isEmailVerified());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "createAccount", summary = "Open an account with roles; its address counts as verified."
            + " An account with the member role also gets a membership application.")
    public Response createAccount(@NotNull(message = "{validation.body.required}") NewAccount body) {
        AccountForm form = new AccountForm(body.email(), body.displayName(), body.password(), body.language());
        List<String> problems = new ArrayList<>(form.problems());
        List<Role> roles = new ArrayList<>();
        for (String name : body.roles() == null ? List.<String>of() : body.roles()) {
            Role.ofName(name).ifPresentOrElse(roles::add, () -> problems.add("validation.role.unknown"));
        }
        InvalidInput.refuseUnlessEmpty(problems);
        Account account = accounts.create(form.email(), form.displayName(), form.password().toCharArray(),
                form.languageOr(Language.DEFAULT), roles.toArray(Role[]::new));
        UUID actor = actor();
        audit.record(actor, AuditLog.Action.ACCOUNT_CREATED, account.getId(), "");
        roles.forEach(role -> audit.record(actor, AuditLog.Action.ROLE_GRANTED, account.getId(), role.roleName()));
        if (roles.contains(Role.MEMBER)) {
            memberships.apply(account);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(account.getId().toString()).build())
                .entity(AccountView.of(account)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAccounts", summary = "Every open account with its roles")
    public List<AccountView> listAccounts() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @PUT
    @Path("{id}/roles/{role}")
    @Produces(Problem.MEDIA_TYPE)
    @Transactional
    @Operation(operationId = "grantRole", summary = "Grant a role (recorded in the audit log)")
    public Response grantRole(@PathParam("id") String id, @PathParam("role") String role) {
        roleGrants.grant(actor(), accountId(id), role(role));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/roles/{role}")
    @Produces(Problem.MEDIA_TYPE)
    @Transactional
    @Operation(operationId = "revokeRole", summary = "Revoke a role (recorded in the audit log); the last"
            + " administrator cannot be revoked")
    public Response revokeRole(@PathParam("id") String id, @PathParam("role") String role) {
        roleGrants.revoke(actor(), accountId(id), role(role));
        return Response.noContent().build();
    }

    private UUID actor() {
        return UUID.fromString(security.getUserPrincipal().getName());
    }

    static UUID accountId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Refusal("account-not-found", Response.Status.NOT_FOUND);
        }
    }

    private static Role role(String name) {
        return Role.ofName(name).orElseThrow(() -> new Refusal("unknown-role", Response.Status.BAD_REQUEST, name));
    }
}
