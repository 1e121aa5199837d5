package org.herdbook.web.membership.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The signed-in member's own membership. */
@Path("me/membership")
@RequestScoped
@RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
@Tag(name = "Members")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class MyMembershipResource {

    @Inject
    Memberships memberships;
    @Inject
    CurrentAccount me;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getMyMembership", summary = "My class, standing today and its history, dues paid,"
            + " contributions and whether I may vote today")
    public MemberViews.MemberFile getMyMembership() {
        Account account = me.account();
        return MemberViews.MemberFile.of(memberships.file(account), memberships.foundation().today());
    }

    @POST
    @Path("resignation")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "resignMembership", summary = "Leave the foundation from today (the account stays open)")
    public MemberViews.MemberFile resignMembership() {
        Account account = me.account();
        memberships.resign(account.getId());
        return MemberViews.MemberFile.of(memberships.file(account), memberships.foundation().today());
    }
}
