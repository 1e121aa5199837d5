package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.entity.DuesSubscription;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.finance.control.MemberDuesSubscription;

/** The signed-in member's own dues subscription at PayPal: start, read (from PayPal), cancel. */
@Path("me/dues-subscription")
@RequestScoped
@RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
@Tag(name = "Dues")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class MyDuesSubscriptionResource {

    @Inject
    MemberDuesSubscription mine;

    public record StartForm(String planId) {
    }

    public record SubscriptionView(String subscriptionId, String planId, String status, String approvalUrl) {
        static SubscriptionView of(DuesSubscription subscription) {
            return new SubscriptionView(subscription.subscriptionId(), subscription.planId(), subscription.status(),
                    subscription.approvalUrl() == null ? null : subscription.approvalUrl().toString());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "startDuesSubscription", summary = "Subscribe to a dues tier: answers PayPal's approval"
            + " link, where the member approves; PayPal then returns to /member/dues.xhtml")
    @APIResponse(responseCode = "201", description = "Created at PayPal, waiting for the member's approval")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not a member, or PayPal refused")
    public Response startDuesSubscription(StartForm form) {
        DuesSubscription started = mine.start(form == null ? null : form.planId());
        return Response.status(Response.Status.CREATED).entity(SubscriptionView.of(started)).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getMyDuesSubscription", summary = "My latest PayPal subscription, its status read from"
            + " PayPal now")
    @APIResponse(responseCode = "404", description = "No subscription")
    public SubscriptionView getMyDuesSubscription() {
        return mine.current().map(SubscriptionView::of)
                .orElseThrow(() -> Refusal.notFound("finance.dues.noSubscription"));
    }

    @POST
    @Path("cancellation")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "cancelDuesSubscription", summary = "Cancel my PayPal subscription; months paid stay paid")
    @APIResponse(responseCode = "404", description = "No subscription to cancel")
    public SubscriptionView cancelDuesSubscription() {
        return SubscriptionView.of(mine.cancel());
    }
}
