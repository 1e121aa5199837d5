package org.herdbook.web.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.audit.control.AuditLog;

/** The audit log, newest first, for administrators. */
@Path("audit")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "Accounts")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class AuditResource {

    public static final int PAGE_SIZE = 100;

    @Inject
    AuditLog audit;

    public record Line(long id, OffsetDateTime at, UUID actor, String action, UUID subject, String detail) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAuditEvents", summary = "The audit log, newest first, 100 lines a page")
    public List<Line> listAuditEvents(@QueryParam("page") @DefaultValue("0") int page) {
        return audit.newest(Math.max(0, Math.min(page, 100_000)) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(event -> new Line(event.getId(), event.getOccurredAt(), event.getActorId(), event.getAction(),
                        event.getSubjectId(), event.getDetail())).toList();
    }
}
