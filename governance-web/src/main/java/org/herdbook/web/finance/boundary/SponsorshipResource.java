package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.sponsorship.control.Sponsorships;
import org.herdbook.finance.sponsorship.entity.Sponsorship;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;

/**
 * Sponsorships. Anyone may see who sponsors the foundation (anonymous sponsors without a name);
 * only the treasurer and the board see amounts and real names of anonymous sponsors.
 */
@Path("finance/sponsorships")
@RequestScoped
@Tag(name = "Finance")
public class SponsorshipResource {

    @Inject
    Sponsorships sponsorships;
    @Context
    SecurityContext security;

    public record NewSponsorship(String sponsor, String publicName, boolean anonymous, String amount, String currency,
            String startsOn, String endsOn) {
    }

    /** {@code amount} and {@code sponsor} are absent unless the caller is the treasurer or on the board. */
    public record SponsorshipView(UUID id, String name, boolean anonymous, LocalDate startsOn, LocalDate endsOn,
            String sponsor, String amount) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "listSponsorships", summary = "Sponsors; amounts only for the treasurer and the board")
    public List<SponsorshipView> listSponsorships() {
        boolean confidential = security.isUserInRole("treasurer") || security.isUserInRole("board");
        return sponsorships.all().stream().map(sponsorship -> view(sponsorship, confidential)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("treasurer")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "recordSponsorship", summary = "Record a sponsorship for a period")
    public Response recordSponsorship(NewSponsorship body) {
        if (body == null) {
            throw Refusal.invalid("finance.sponsorship.badSponsor");
        }
        Sponsorship sponsorship = sponsorships.record(body.sponsor(), body.publicName(), body.anonymous(),
                FinanceInput.money(body.amount(), body.currency()), FinanceInput.date(body.startsOn()),
                FinanceInput.date(body.endsOn()), security.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(view(sponsorship, true)).build();
    }

    static SponsorshipView view(Sponsorship sponsorship, boolean confidential) {
        return new SponsorshipView(sponsorship.id(), sponsorship.shownName(), sponsorship.anonymous(),
                sponsorship.startsOn(), sponsorship.endsOn(), confidential ? sponsorship.sponsor() : null,
                confidential ? sponsorship.amount().toString() : null);
    }
}
