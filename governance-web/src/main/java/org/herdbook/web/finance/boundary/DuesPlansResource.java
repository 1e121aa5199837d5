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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.dues.control.DuesSubscriptions;
import org.herdbook.finance.dues.entity.DuesPlan;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;

/** The dues product and monthly plans at PayPal: set up once by the administrator, listed for members. */
@Path("finance/dues/plans")
@RequestScoped
@Tag(name = "Dues")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class DuesPlansResource {

    @Inject
    DuesSubscriptions dues;
    @Inject
    FinancePolicy policy;
    @Inject
    FinancePages pages;

    public record TierForm(String name, String amount) {
    }

    public record PlansForm(String productName, List<TierForm> tiers) {
    }

    public record PlanView(String planId, String tier, String amount, String currency) {
        static PlanView of(DuesPlan plan) {
            return new PlanView(plan.planId(), plan.tier(), plan.monthly().getAmount().toPlainString(),
                    plan.monthly().getCurrency().getCurrencyCode());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Transactional
    @Operation(operationId = "setUpDuesPlans", summary = "Create the dues product and its monthly plans (tiers, in the"
            + " foundation's currency) at PayPal, once")
    @APIResponse(responseCode = "201", description = "Created at PayPal")
    @APIResponse(responseCode = "400", description = "No tier, a tier without name or amount, another currency")
    @APIResponse(responseCode = "409", description = "Already set up")
    public Response setUpDuesPlans(PlansForm form) {
        List<DuesSubscriptions.Tier> tiers = new ArrayList<>();
        if (form != null && form.tiers() != null) {
            for (TierForm tier : form.tiers()) {
                tiers.add(new DuesSubscriptions.Tier(tier == null ? null : tier.name(), tier == null ? null
                        : money(tier.amount())));
            }
        }
        List<DuesPlan> plans = dues.setUp(form == null ? null : form.productName(), tiers, policy.currency(),
                pages.caller());
        return Response.status(Response.Status.CREATED).entity(plans.stream().map(PlanView::of).toList()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
    @Operation(operationId = "listDuesPlans", summary = "The monthly dues tiers a member can subscribe to")
    public List<PlanView> listDuesPlans() {
        return dues.plans().stream().map(PlanView::of).toList();
    }

    private Money money(String amount) {
        try {
            return amount == null ? null : Money.of(new BigDecimal(amount.strip()), policy.currency());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Refusal.invalid("finance.dues.noTiers");
        }
    }
}
