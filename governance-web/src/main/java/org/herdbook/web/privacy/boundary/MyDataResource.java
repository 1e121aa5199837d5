package org.herdbook.web.privacy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.privacy.control.AccountClosure;
import org.herdbook.web.privacy.control.PersonalData;
import org.herdbook.web.security.boundary.CurrentAccount;

/** A person's own data: download all of it, or close the account. */
@Path("me/data")
@RequestScoped
@RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
@Tag(name = "Privacy")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class MyDataResource {

    @Inject
    CurrentAccount me;
    @Inject
    Accounts accounts;
    @Inject
    PersonalData personalData;
    @Inject
    AccountClosure closure;
    @Inject
    AuditLog audit;
    @Context
    HttpServletRequest request;

    /** The account's e-mail address typed again, so that nobody closes an account by accident. */
    public record Closure(String confirmEmail) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "exportMyData", summary = "Everything Herdbook holds about me, as JSON")
    public Response exportMyData() {
        Account account = me.account();
        JsonObject document = personalData.export(account);
        audit.record(account.getId(), AuditLog.Action.DATA_EXPORTED, account.getId(), "");
        return Response.ok(document).header("Content-Disposition", "attachment; filename=\"herdbook-my-data.json\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(Problem.MEDIA_TYPE)
    @Transactional
    @Operation(operationId = "closeMyAccount", summary = "Close my account: personal data erased or pseudonymised,"
            + " dues, ledger and votes kept whole under the pseudonym")
    public Response closeMyAccount(@NotNull(message = "{validation.body.required}") Closure body) {
        closure.close(accounts.byId(me.account().getId()).orElseThrow(), body.confirmEmail());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
