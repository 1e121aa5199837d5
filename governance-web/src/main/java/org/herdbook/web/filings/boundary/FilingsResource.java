package org.herdbook.web.filings.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.board.boundary.Ids;
import org.herdbook.web.filings.control.Filings;

/** Statutory filings for the secretary and the board: due dates, filed dates, reminders. */
@Path("filings")
@RequestScoped
@Tag(name = "Board and meetings")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class FilingsResource {

    @Inject
    Filings filings;
    @Context
    SecurityContext security;

    public record FiledRequest(LocalDate filedOn) {
    }

    public record Reminded(int filings) {
    }

    @GET
    @RolesAllowed({"board", "secretary"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFilings", summary = "Statutory filings by due date")
    public List<Filings.Filing> listFilings() {
        return filings.all();
    }

    @POST
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "recordFiling", summary = "Record a statutory filing with its due date and how many"
            + " days before it the secretaries are reminded (default 30)")
    public Response recordFiling(@NotNull(message = "{validation.body.required}") Filings.NewFiling body) {
        return Response.status(Response.Status.CREATED).entity(filings.create(body, actor())).build();
    }

    @POST
    @Path("{id}/filed")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "markFilingFiled", summary = "Record the day a filing was made")
    public Response markFilingFiled(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") FiledRequest body) {
        filings.markFiled(Ids.parse(id), body.filedOn(), actor());
        return Response.noContent().build();
    }

    @POST
    @Path("reminders")
    @RolesAllowed({"board", "secretary"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendFilingReminders", summary = "Send now the reminders the hourly job would send"
            + " (each filing is reminded once)")
    public Reminded sendFilingReminders() {
        return new Reminded(filings.remindDue());
    }

    private UUID actor() {
        return UUID.fromString(security.getUserPrincipal().getName());
    }
}
