package org.herdbook.web.account.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.control.AccountForm;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.control.Credentials;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Problem;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The signed-in person's own settings: password, name and preferred language. */
@Path("me/account")
@RequestScoped
@RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
@Tag(name = "Access")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class MyAccountResource {

    @Inject
    CurrentAccount me;
    @Inject
    Accounts accounts;
    @Inject
    Credentials credentials;

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record Preferences(String displayName, String language) {
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(Problem.MEDIA_TYPE)
    @Transactional
    @Operation(operationId = "changePassword", summary = "Change my password; revokes my API tokens, this one too")
    public Response changePassword(@NotNull(message = "{validation.body.required}") PasswordChange body) {
        credentials.change(managed(), body.currentPassword(), body.newPassword(), null);
        return Response.noContent().build();
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(Problem.MEDIA_TYPE)
    @Transactional
    @Operation(operationId = "updateMyPreferences", summary = "Change my display name and the language of my pages"
            + " and e-mails")
    public Response updateMyPreferences(@NotNull(message = "{validation.body.required}") Preferences body) {
        Account account = managed();
        if (body.displayName() != null) {
            InvalidInput.refuseUnlessEmpty(AccountForm.displayNameProblems(body.displayName()));
        }
        if (body.language() != null && Language.ofTag(body.language()).isEmpty()) {
            throw new InvalidInput(List.of("validation.language.invalid"));
        }
        if (body.displayName() != null) {
            account.changeDisplayName(body.displayName());
        }
        Language.ofTag(body.language()).ifPresent(account::changePreferredLanguage);
        return Response.noContent().build();
    }

    private Account managed() {
        return accounts.byId(me.account().getId()).orElseThrow();
    }
}
