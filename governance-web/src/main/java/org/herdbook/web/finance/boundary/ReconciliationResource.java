package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.reconciliation.control.Reconciliation;
import org.herdbook.finance.reconciliation.entity.MonthReconciliation;
import org.herdbook.finance.reconciliation.entity.ReconciliationItem;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;

/** A month's reconciliation of the ledger with PayPal, its resolutions and its closing. */
@Path("finance/reconciliations/{month}")
@RequestScoped
@Tag(name = "Finance")
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;
    @Context
    SecurityContext security;

    public record Item(String key, String state, String transactionId, UUID entryId, LocalDate date, String description,
            String paypalNet, String paypalFee, String ledgerNet, String ledgerFee, String note) {
        static Item of(ReconciliationItem item) {
            return new Item(item.key(), item.state().name(), item.transactionId(), item.entryId(), item.date(),
                    item.description(), text(item.paypalNet()), text(item.paypalFee()), text(item.ledgerNet()),
                    text(item.ledgerFee()), item.note());
        }

        private static String text(Money money) {
            return money == null ? null : money.toString();
        }
    }

    public record MonthView(String month, String state, Map<String, Integer> counts, List<Item> items) {
        static MonthView of(MonthReconciliation month) {
            Map<String, Integer> counts = new TreeMap<>();
            month.counts().forEach((state, count) -> counts.put(state.name(), count));
            return new MonthView(month.month().toString(), month.state().name(), counts,
                    month.items().stream().map(Item::of).toList());
        }
    }

    /** A resolution: {@code book} a line, {@code reverse} an entry, {@code replace} an entry by PayPal's figures, {@code accept} with a note. */
    public record Resolution(String item, String action, String note) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "getReconciliation", summary = "The month's PayPal lines and ledger entries: matched,"
            + " missing from the ledger, missing from PayPal, amount or fee mismatches, accepted")
    public MonthView getReconciliation(@PathParam("month") String month) {
        return MonthView.of(reconciliation.forMonth(Months.parse(month)));
    }

    @POST
    @Path("resolutions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("treasurer")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "resolveReconciliationItem", summary = "Resolve one difference: book, reverse, replace or accept")
    public MonthView resolveReconciliationItem(@PathParam("month") String month, Resolution resolution) {
        YearMonth yearMonth = Months.parse(month);
        if (resolution == null || resolution.item() == null || resolution.action() == null) {
            throw Refusal.invalid("finance.reconciliation.badResolution");
        }
        String item = resolution.item();
        String by = security.getUserPrincipal().getName();
        switch (resolution.action()) {
            case "book" -> reconciliation.book(yearMonth, after(item, "line:"), by);
            case "replace" -> reconciliation.replaceWithPaypal(yearMonth, after(item, "line:"), by);
            case "reverse" -> reconciliation.reverse(yearMonth, entryId(after(item, "entry:")), resolution.note(), by);
            case "accept" -> reconciliation.accept(yearMonth, item, resolution.note(), by);
            default -> throw Refusal.invalid("finance.reconciliation.badResolution");
        }
        return MonthView.of(reconciliation.forMonth(yearMonth));
    }

    @POST
    @Path("close")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("treasurer")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "closeMonth", summary = "Close a reconciled month: from then on the database refuses any"
            + " posting dated inside it")
    public MonthView closeMonth(@PathParam("month") String month) {
        return MonthView.of(reconciliation.close(Months.parse(month), security.getUserPrincipal().getName()));
    }

    private static String after(String item, String prefix) {
        if (!item.startsWith(prefix)) {
            throw Refusal.invalid("finance.reconciliation.badResolution");
        }
        return item.substring(prefix.length());
    }

    private static UUID entryId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("finance.reconciliation.badResolution");
        }
    }
}
