package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.ledger.control.ChartOfAccounts;
import org.herdbook.finance.ledger.entity.LedgerAccount;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;

/** The chart of accounts; the treasurer names accounts in both languages. */
@Path("finance/accounts")
@RequestScoped
@Tag(name = "Finance")
public class LedgerAccountResource {

    @Inject
    ChartOfAccounts chart;

    public record AccountView(String code, String kind, String purpose, String nameEn, String nameFr, boolean active) {
        static AccountView of(LedgerAccount account) {
            return new AccountView(account.code(), account.kind().code(), account.purpose(), account.nameEn(),
                    account.nameFr(), account.active());
        }
    }

    public record Names(String nameEn, String nameFr, Boolean active) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "listLedgerAccounts", summary = "The chart of accounts")
    public List<AccountView> listLedgerAccounts() {
        return chart.all().stream().map(AccountView::of).toList();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("treasurer")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "renameLedgerAccount", summary = "Rename an account in English and French, or retire it")
    public AccountView renameLedgerAccount(@PathParam("code") String code, Names names) {
        Names given = names == null ? new Names(null, null, true) : names;
        return AccountView.of(chart.rename(code, given.nameEn(), given.nameFr(), given.active() == null || given.active()));
    }
}
