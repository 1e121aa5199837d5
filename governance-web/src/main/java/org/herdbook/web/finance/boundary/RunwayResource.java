package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.finance.runway.control.RunwayForecast;
import org.herdbook.finance.runway.entity.Runway;
import org.herdbook.web.api.HerdbookApi;

@Path("finance/runway")
@RequestScoped
@RolesAllowed({"treasurer", "board"})
@Tag(name = "Finance")
public class RunwayResource {

    @Inject
    RunwayForecast forecast;
    @Inject
    FinancePolicy policy;

    public record RunwayView(String cashOnHand, String monthlyExpenses, String months, int targetMonths,
            boolean meetsTarget, List<String> trailingMonths, List<String> otherCurrencies) {
        static RunwayView of(Runway runway) {
            return new RunwayView(runway.cashOnHand().toString(), runway.monthlyExpenses().toString(),
                    runway.months() == null ? null : runway.months().toPlainString(), runway.targetMonths(),
                    runway.meetsTarget(), runway.trailingMonths().stream().map(Object::toString).toList(),
                    runway.otherCurrencies().stream().map(Money::toString).toList());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "getRunway", summary = "Cash on hand over the trailing three-month average of expenses,"
            + " in the foundation's currency, against the target")
    public RunwayView getRunway() {
        return RunwayView.of(forecast.asOf(LocalDate.now(policy.timeZone())));
    }
}
