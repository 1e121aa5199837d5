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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.expense.control.Expenses;
import org.herdbook.finance.expense.entity.Expense;
import org.herdbook.finance.expense.entity.ExpenseDraft;
import org.herdbook.finance.expense.entity.Invoice;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;

/** Expenses with their invoices; approval of large ones by a second board member. */
@Path("finance/expenses")
@RequestScoped
@Tag(name = "Finance")
public class ExpenseResource {

    @Inject
    Expenses expenses;
    @Context
    SecurityContext security;

    /** The invoice travels as base64 in JSON: {@code {"fileName": "...", "contentType": "application/pdf", "content": "JVBERi0..."}}. */
    public record InvoiceBody(String fileName, String contentType, String content) {
    }

    public record NewExpense(String vendor, String account, String paidFrom, String date, String amount, String currency,
            String note, InvoiceBody invoice) {
    }

    public record ExpenseView(UUID id, String vendor, String account, String paidFrom, LocalDate date, String amount,
            String note, String invoiceFileName, boolean needsApproval, boolean booked, UUID entryId) {
        static ExpenseView of(Expense expense) {
            return new ExpenseView(expense.id(), expense.vendor(), expense.accountCode(), expense.paidFrom(),
                    expense.spentOn(), expense.amount().toString(), expense.note(), expense.invoiceFileName(),
                    expense.needsApproval(), expense.booked(), expense.entryId());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("treasurer")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "recordExpense", summary = "Record an expense with its invoice; above the approval"
            + " threshold it waits for a second board member before it is booked")
    @APIResponse(responseCode = "201", description = "Recorded (booked, or waiting for approval)")
    @APIResponse(responseCode = "400", description = "Missing or wrong fields, or an invoice that is not a PDF or image")
    @APIResponse(responseCode = "413", description = "The invoice is larger than the limit")
    public Response recordExpense(NewExpense body) {
        if (body == null) {
            throw Refusal.invalid("finance.expense.badVendor");
        }
        Invoice invoice = null;
        if (body.invoice() != null) {
            try {
                invoice = new Invoice(body.invoice().fileName(), body.invoice().contentType(),
                        Base64.getDecoder().decode(String.valueOf(body.invoice().content())));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("finance.expense.invoiceType");
            }
        }
        Expense expense = expenses.record(new ExpenseDraft(body.vendor(), body.account(),
                body.paidFrom() == null ? "1000" : body.paidFrom(), FinanceInput.date(body.date()),
                FinanceInput.money(body.amount(), body.currency()), body.note(), invoice), caller());
        return Response.status(Response.Status.CREATED).entity(ExpenseView.of(expense)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"treasurer", "board"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "listExpenses", summary = "Recent expenses, newest first")
    public List<ExpenseView> listExpenses() {
        return expenses.recent(200).stream().map(ExpenseView::of).toList();
    }

    @POST
    @Path("{id}/approval")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed("board")
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "approveExpense", summary = "Approve an expense recorded by someone else; it is booked")
    public ExpenseView approveExpense(@PathParam("id") String id) {
        UUID expenseId;
        try {
            expenseId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("finance.expense.unknown", id);
        }
        return ExpenseView.of(expenses.approve(expenseId, caller()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
