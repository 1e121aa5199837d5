package org.herdbook.web.finance.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.finance.paypal.webhook.control.WebhookEvents;
import org.herdbook.finance.paypal.webhook.control.WebhookRejected;
import org.herdbook.finance.paypal.webhook.control.WebhookVerifier;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Problems;
import org.herdbook.web.finance.control.PaypalWebhooks;

/**
 * PayPal's notifications (webhooks). Anyone can post here, so nothing is believed until the
 * signature is verified; see {@link org.herdbook.finance.paypal.webhook}.
 *
 * <p>One instance for the server: the request's headers and address come in as parameters, so
 * no resource and no {@code @Context} proxies are made per delivery (PayPal may send many).
 */
@Path("paypal/webhooks")
@ApplicationScoped
@PermitAll
@Tag(name = "Finance")
public class PaypalWebhookResource {

    private static final Logger LOG = Logger.getLogger(PaypalWebhookResource.class.getName());
    /** How much of an oversized body is read and dropped before answering 413. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    @Inject
    PaypalWebhooks webhooks;
    @Inject
    Problems problems;

    /** What became of a delivery. */
    public record Received(String eventOutcome) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "receivePaypalWebhook", summary = "A PayPal webhook delivery: verified (signature,"
            + " certificate from PayPal, transmission time), stored, and applied once per event id")
    @APIResponse(responseCode = "200", description = "Verified: applied, ignored (unknown type) or already received")
    @APIResponse(responseCode = "400", description = "Not PayPal's, a replay, or not an event: nothing stored")
    @APIResponse(responseCode = "413", description = "Body larger than any PayPal event: refused unread")
    @APIResponse(responseCode = "503", description = "No webhook is configured on this server")
    public Response receivePaypalWebhook(InputStream body, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        try {
            byte[] raw = read(body);
            WebhookVerifier.Transmission transmission = webhooks.verify(headers::getHeaderString, raw);
            WebhookEvents.Outcome outcome = webhooks.receive(raw, transmission);
            return Response.ok(new Received(outcome.name().toLowerCase(Locale.ROOT))).build();
        } catch (WebhookRejected e) {
            return rejected(e, headers, request);
        }
    }

    private Response rejected(WebhookRejected rejection, HttpHeaders headers, HttpServletRequest request) {
        LOG.warning(() -> "PayPal webhook delivery refused from " + request.getRemoteAddr() + " (transmission "
                + headers.getHeaderString("PAYPAL-TRANSMISSION-ID") + "): " + rejection.getMessage());
        Response.Status status = switch (rejection.reason()) {
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case NOT_CONFIGURED -> Response.Status.SERVICE_UNAVAILABLE;
            default -> Response.Status.BAD_REQUEST;
        };
        String kind = switch (rejection.reason()) {
            case TOO_LARGE -> "paypal-webhook-too-large";
            case NOT_CONFIGURED -> "paypal-webhook-not-configured";
            default -> "paypal-webhook-rejected";
        };
        return problems.problem(kind, status, rejection.reason().code()).toResponse();
    }

    private static byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] content = in.readNBytes(WebhookVerifier.MAX_BODY_BYTES + 1);
            if (content.length > WebhookVerifier.MAX_BODY_BYTES) {
                // Read (and drop) what the client still sends, up to a bound, so that it gets the answer, not a reset.
                long drained = 0;
                byte[] sink = new byte[16 * 1024];
                for (int n = in.read(sink); n > 0 && drained < DRAIN_LIMIT; n = in.read(sink)) {
                    drained += n;
                }
                throw new WebhookRejected(WebhookRejected.Reason.TOO_LARGE, "more than " + WebhookVerifier.MAX_BODY_BYTES);
            }
            return content;
        } catch (IOException e) {
            throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "unreadable body");
        }
    }
}
