package org.herdbook.web.board.boundary;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Problem;
import org.herdbook.web.board.control.Board;
import org.herdbook.web.board.entity.DirectorTerm;
import org.herdbook.web.board.entity.OfficerAppointment;

/**
 * The board: anyone may see who sat on it on any day (directors' names and offices are public);
 * the board and the secretary record terms, resignations and offices.
 */
@Path("board")
@RequestScoped
@Tag(name = "Board and meetings")
public class BoardResource {

    @Inject
    Board board;
    @Context
    SecurityContext security;

    public record BoardView(LocalDate on, List<SeatView> directors) {
    }

    public record SeatView(UUID termId, UUID accountId, String name, LocalDate startsOn, LocalDate endsOn,
            LocalDate resignedOn, UUID electedAtMeeting, List<String> offices) {
        static SeatView of(Board.Seat seat) {
            return new SeatView(seat.termId(), seat.accountId(), seat.name(), seat.startsOn(), seat.endsOn(),
                    seat.resignedOn().orElse(null), seat.electedAtMeeting().orElse(null), seat.offices());
        }
    }

    public record TermRequest(UUID accountId, UUID electedAtMeeting, LocalDate startsOn, LocalDate endsOn) {
    }

    public record TermView(UUID id, UUID accountId, UUID electedAtMeeting, LocalDate startsOn, LocalDate endsOn,
            LocalDate resignedOn) {
        static TermView of(DirectorTerm term) {
            return new TermView(term.getId(), term.getAccountId(), term.getElectedAtMeeting().orElse(null),
                    term.getStartsOn(), term.getEndsOn(), term.getResignedOn().orElse(null));
        }
    }

    public record ResignationRequest(LocalDate effectiveOn) {
    }

    public record OfficeRequest(String office, LocalDate startsOn, LocalDate endsOn) {
    }

    public record OfficeView(UUID id, UUID termId, String office, LocalDate startsOn, LocalDate endsOn) {
        static OfficeView of(OfficerAppointment appointment) {
            return new OfficeView(appointment.getId(), appointment.getTermId(), appointment.getOffice(),
                    appointment.getStartsOn(), appointment.getEndsOn());
        }
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getBoard", summary = "The board as it stood on a day (?on=YYYY-MM-DD, default today):"
            + " directors, their terms and offices")
    public BoardView getBoard(@QueryParam("on") String on) {
        LocalDate day;
        try {
            day = on == null || on.isBlank() ? board.foundation().today() : LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of("validation.date.invalid"));
        }
        return new BoardView(day, board.on(day).stream().map(SeatView::of).toList());
    }

    @POST
    @Path("terms")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Transactional
    @Operation(operationId = "recordDirectorTerm", summary = "Record a director's term (elected at which meeting,"
            + " first and last day); the bylaws' term limit applies")
    public Response recordDirectorTerm(@NotNull(message = "{validation.body.required}") TermRequest body) {
        DirectorTerm term = board.elect(body.accountId(), body.electedAtMeeting(), body.startsOn(), body.endsOn(),
                actor());
        return Response.status(Response.Status.CREATED).entity(TermView.of(term)).build();
    }

    @POST
    @Path("terms/{id}/resignation")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Transactional
    @Operation(operationId = "recordDirectorResignation", summary = "A director resigns: out of office from a day")
    public TermView recordDirectorResignation(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") ResignationRequest body) {
        return TermView.of(board.resign(Ids.parse(id), body.effectiveOn(), actor()));
    }

    @POST
    @Path("terms/{id}/offices")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Transactional
    @Operation(operationId = "appointOfficer", summary = "A director takes an office the bylaws name, for part or"
            + " all of the term")
    public Response appointOfficer(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") OfficeRequest body) {
        OfficerAppointment appointment = board.appoint(Ids.parse(id), body.office(), body.startsOn(), body.endsOn(),
                actor());
        return Response.status(Response.Status.CREATED).entity(OfficeView.of(appointment)).build();
    }

    private UUID actor() {
        return UUID.fromString(security.getUserPrincipal().getName());
    }
}
