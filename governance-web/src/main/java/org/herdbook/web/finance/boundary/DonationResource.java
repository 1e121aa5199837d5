package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.donation.control.Donations;
import org.herdbook.finance.donation.entity.Donation;
import org.herdbook.web.api.Problem;
import org.herdbook.web.finance.control.DonationReceipts;
import org.herdbook.web.finance.control.DonationStart;

/**
 * Donations through PayPal, open to anyone: start one (the answer says where to approve it at
 * PayPal), capture it when PayPal sends the donor back, and fetch its receipt.
 */
@Path("donations")
@RequestScoped
@PermitAll
@Tag(name = "Donations")
public class DonationResource {

    /** PayPal's order ids are short upper-case letters and digits. */
    static final Pattern ORDER_ID = Pattern.compile("[A-Z0-9-]{1,64}");

    @Inject
    Donations donations;
    @Inject
    DonationStart start;
    @Inject
    DonationReceipts receipts;

    /** A donation as the donor gives it: amount in the foundation's currency; name and message optional. */
    public record DonationForm(String amount, String name, String message, String language) {
    }

    public record DonationStarted(UUID donationId, String orderId, String approvalUrl) {
    }

    public record DonationReceived(UUID donationId, String status, String amount, String currency, String fee,
            String receiptUrl) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "createDonation", summary = "Start a donation: creates the PayPal order; send the donor to"
            + " approvalUrl, from which PayPal returns to the donation return page")
    @APIResponse(responseCode = "201", description = "Created at PayPal; not yet paid")
    @APIResponse(responseCode = "400", description = "Amount, name, message or language refused; nothing created")
    public Response createDonation(DonationForm form) {
        DonationForm given = form == null ? new DonationForm(null, null, null, null) : form;
        Donations.Started started = start.start(given.amount(), given.name(), given.message(), given.language());
        return Response.created(URI.create("donations/" + started.donationId()))
                .entity(new DonationStarted(started.donationId(), started.orderId(), started.approvalUrl().toString()))
                .build();
    }

    @POST
    @Path("{orderId}/capture")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "captureDonation", summary = "Capture an approved donation (what the return page does);"
            + " again is harmless: PayPal charges once and the books record it once")
    @APIResponse(responseCode = "200", description = "Captured, with PayPal's fee")
    @APIResponse(responseCode = "404", description = "No donation with this PayPal order")
    @APIResponse(responseCode = "409", description = "Not approved at PayPal yet; nothing charged")
    public DonationReceived captureDonation(@PathParam("orderId") String orderId) {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw Refusal.notFound("finance.donation.unknown");
        }
        Donation donation = start.capture(orderId);
        Donation.Capture capture = donation.capture().orElseThrow();
        return new DonationReceived(donation.id(), "captured", capture.gross().getAmount().toPlainString(),
                capture.gross().getCurrency().getCurrencyCode(), capture.fee().getAmount().toPlainString(),
                receipts.receiptUrl(donation.id()));
    }

    @GET
    @Path("{donationId}/receipt.pdf")
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    @Operation(operationId = "getDonationReceipt", summary = "The receipt of a paid donation, a PDF in the donor's"
            + " language (the donation id is known only to the donor)")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(responseCode = "404", description = "No paid donation with this id")
    public Response getDonationReceipt(@PathParam("donationId") String donationId) {
        UUID id;
        try {
            id = UUID.fromString(donationId);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("finance.donation.unknown");
        }
        Donation donation = donations.byId(id).filter(found -> found.capture().isPresent())
                .orElseThrow(() -> Refusal.notFound("finance.donation.unknown"));
        return Response.ok(receipts.receipt(donation), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"receipt-" + id + ".pdf\"").build();
    }
}
