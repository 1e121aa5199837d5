package org.herdbook.web.meetings.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Problem;
import org.herdbook.web.board.boundary.Ids;
import org.herdbook.web.meetings.control.Attendance;
import org.herdbook.web.meetings.control.Meetings;
import org.herdbook.web.meetings.control.MinutesBook;
import org.herdbook.web.meetings.control.Motions;
import org.herdbook.web.meetings.entity.Meeting;

/**
 * Meetings for the board and the secretary: scheduling and notice, agenda and documents,
 * attendance and quorum, motions and their results, minutes and their PDF. Members read the
 * resolutions register; anyone reads the public part of approved minutes.
 */
@Path("meetings")
@RequestScoped
@Tag(name = "Board and meetings")
@SecurityRequirement(name = HerdbookApi.BEARER)
public class MeetingsResource {

    @Inject
    Meetings meetings;
    @Inject
    Attendance attendance;
    @Inject
    Motions motions;
    @Inject
    MinutesBook minutes;
    @Inject
    MeetingRecords records;
    @Inject
    Accounts accounts;
    @Context
    SecurityContext security;

    public record ScheduleRequest(String kind, String titleEn, String titleFr, LocalDate heldOn, LocalTime startsAt,
            String location, LocalDate recordDate) {
    }

    public record AgendaRequest(String titleEn, String titleFr) {
    }

    public record AttendanceRequest(UUID accountId, String mode, UUID proxyHolder) {
    }

    public record MotionRequest(String kind, String textEn, String textFr, UUID moverId, UUID seconderId,
            UUID amendsId, UUID correctsMinutesOf) {
    }

    public record ResultRequest(Integer votesFor, Integer votesAgainst, Integer abstentions) {
    }

    public record BallotRequest(Instant opens, Instant closes) {
    }

    public record MinutesRequest(String bodyEn, String bodyFr) {
    }

    public record ApprovalRequest(UUID atMeeting) {
    }

    public record NoticeView(int sent, List<Meetings.NoticeSent> notices) {
    }

    @POST
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "scheduleMeeting", summary = "Schedule an annual general, special general or board"
            + " meeting; refused when the notice can no longer be given inside the bylaws' window or nobody is"
            + " eligible on the record date")
    public Response scheduleMeeting(@NotNull(message = "{validation.body.required}") ScheduleRequest body) {
        Meeting meeting = meetings.schedule(new Meetings.Schedule(body.kind(), body.titleEn(), body.titleFr(),
                body.heldOn(), body.startsAt(), body.location(), body.recordDate()), actor());
        return Response.status(Response.Status.CREATED).entity(MeetingViews.Summary.of(meeting)).build();
    }

    @GET
    @RolesAllowed({"board", "secretary"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMeetings", summary = "Every meeting, newest first")
    public List<MeetingViews.Summary> listMeetings() {
        return meetings.all().stream().map(MeetingViews.Summary::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"board", "secretary"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getMeeting", summary = "A meeting's whole record: quorum now and as recorded,"
            + " attendance, agenda, documents, motions, minutes")
    public MeetingViews.Record getMeeting(@PathParam("id") String id) {
        return records.record(Ids.parse(id));
    }

    @POST
    @Path("{id}/notice")
    @RolesAllowed({"board", "secretary"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "sendMeetingNotice", summary = "E-mail the notice to every member eligible on the"
            + " record date (directors for a board meeting), each in their language, inside the notice window")
    public NoticeView sendMeetingNotice(@PathParam("id") String id) {
        UUID meeting = Ids.parse(id);
        int sent = meetings.sendNotice(meeting, actor());
        return new NoticeView(sent, meetings.notices(meeting));
    }

    @POST
    @Path("{id}/agenda")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "addAgendaItem", summary = "Add an agenda item in English and French")
    public Response addAgendaItem(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") AgendaRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(meetings.addAgendaItem(Ids.parse(id), body.titleEn(), body.titleFr())).build();
    }

    @POST
    @Path("{id}/documents")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "attachMeetingDocument", summary = "Attach a document (the request body, up to 10 MB;"
            + " ?name= gives its file name)")
    public Response attachMeetingDocument(@PathParam("id") String id, @QueryParam("name") String name,
            @HeaderParam("Content-Type") String mediaType, InputStream body) {
        byte[] content = read(body);
        return Response.status(Response.Status.CREATED)
                .entity(meetings.attach(Ids.parse(id), name, mediaType, content, actor())).build();
    }

    @GET
    @Path("{id}/documents/{document}")
    @RolesAllowed({"board", "secretary"})
    @Produces({MediaType.WILDCARD, Problem.MEDIA_TYPE})
    @Operation(operationId = "getMeetingDocument", summary = "Download a document attached to a meeting")
    public Response getMeetingDocument(@PathParam("id") String id, @PathParam("document") String document) {
        Meetings.DocumentContent found = meetings.document(Ids.parse(id), Ids.parse(document));
        return Response.ok(found.content(), found.mediaType()).header("Content-Disposition",
                "attachment; filename=\"" + found.fileName().replaceAll("[^\\w. -]", "_") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("{id}/attendance")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "recordAttendance", summary = "Record an arrival (in-person, online, proxy where the"
            + " bylaws allow it) or a departure (left); answers the quorum now")
    public Attendance.QuorumNow recordAttendance(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") AttendanceRequest body) {
        return attendance.record(Ids.parse(id), body.accountId(), body.mode(), body.proxyHolder(), actor());
    }

    @POST
    @Path("{id}/call-to-order")
    @RolesAllowed({"board", "secretary"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "callMeetingToOrder", summary = "Call the meeting to order; the quorum is recorded")
    public Attendance.QuorumNow callMeetingToOrder(@PathParam("id") String id) {
        return attendance.callToOrder(Ids.parse(id), actor());
    }

    @POST
    @Path("{id}/adjournment")
    @RolesAllowed({"board", "secretary"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "adjournMeeting", summary = "Adjourn the meeting")
    public Response adjournMeeting(@PathParam("id") String id) {
        attendance.adjourn(Ids.parse(id), actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/motions")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "proposeMotion", summary = "Put a motion (ordinary or special resolution, English and"
            + " French) moved and seconded by two people present; it may amend another or correct approved minutes")
    public Response proposeMotion(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") MotionRequest body) {
        return Response.status(Response.Status.CREATED).entity(MeetingViews.MotionView.of(motions.propose(
                Ids.parse(id), new Motions.Proposal(body.kind(), body.textEn(), body.textFr(), body.moverId(),
                        body.seconderId(), body.amendsId(), body.correctsMinutesOf()), actor()))).build();
    }

    @POST
    @Path("{id}/motions/{motion}/result")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "recordMotionResult", summary = "Record a show of hands (for, against, abstentions;"
            + " never more than attendance): carried by a majority of votes cast, or two thirds for a special"
            + " resolution")
    public MeetingViews.MotionView recordMotionResult(@PathParam("id") String id, @PathParam("motion") String motion,
            @NotNull(message = "{validation.body.required}") ResultRequest body) {
        return MeetingViews.MotionView.of(motions.recordResult(Ids.parse(id), Ids.parse(motion), body.votesFor(),
                body.votesAgainst(), body.abstentions(), actor()));
    }

    @POST
    @Path("{id}/motions/{motion}/ballot")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "openMotionBallot", summary = "Put an undecided motion of a general meeting in session"
            + " to an online ballot of the members eligible on the meeting's record date (closes: required, in the"
            + " future; opens: default now), with the meeting's member quorum; majority, or two thirds for a special"
            + " resolution. The motion is decided from the ballot's count when the ballot closes")
    public Response openMotionBallot(@PathParam("id") String id, @PathParam("motion") String motion,
            @NotNull(message = "{validation.body.required}") BallotRequest body) {
        return Response.status(Response.Status.CREATED).entity(MeetingViews.MotionView.of(motions.putToBallot(
                Ids.parse(id), Ids.parse(motion), body.opens(), body.closes(), actor()))).build();
    }

    @POST
    @Path("{id}/minutes")
    @RolesAllowed({"board", "secretary"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "draftMinutes", summary = "Draft the minutes from the meeting's record (again, while"
            + " not approved)")
    public MeetingViews.MinutesView draftMinutes(@PathParam("id") String id) {
        UUID meeting = Ids.parse(id);
        return MeetingViews.MinutesView.of(minutes.draft(meeting, actor()), minutes.corrections(meeting));
    }

    @PUT
    @Path("{id}/minutes")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "editMinutes", summary = "The secretary's edit of draft minutes (refused once approved)")
    public MeetingViews.MinutesView editMinutes(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") MinutesRequest body) {
        UUID meeting = Ids.parse(id);
        return MeetingViews.MinutesView.of(minutes.edit(meeting, body.bodyEn(), body.bodyFr(), actor()),
                minutes.corrections(meeting));
    }

    @POST
    @Path("{id}/minutes/approval")
    @RolesAllowed({"board", "secretary"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @Operation(operationId = "approveMinutes", summary = "Approve minutes at a later meeting (board members only);"
            + " they are locked from then on")
    public MeetingViews.MinutesView approveMinutes(@PathParam("id") String id,
            @NotNull(message = "{validation.body.required}") ApprovalRequest body) {
        UUID meeting = Ids.parse(id);
        return MeetingViews.MinutesView.of(minutes.approve(meeting, body.atMeeting(),
                accounts.byId(actor()).orElseThrow()), minutes.corrections(meeting));
    }

    @GET
    @Path("{id}/minutes.pdf")
    @RolesAllowed({"board", "secretary"})
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    @Operation(operationId = "getMinutesPdf", summary = "The minutes as a bilingual PDF (English, then French)")
    public Response getMinutesPdf(@PathParam("id") String id) {
        UUID meeting = Ids.parse(id);
        return Response.ok(records.pdf(meeting), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"minutes-" + meeting + ".pdf\"").build();
    }

    @GET
    @Path("resolutions")
    @RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listResolutions", summary = "The resolutions register: every carried motion across"
            + " meetings, by number")
    public List<Motions.Resolution> listResolutions() {
        return motions.register();
    }

    @GET
    @Path("published-minutes")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublishedMinutes", summary = "The public part of approved minutes: each meeting,"
            + " its quorum and its decided motions with their counts")
    public List<MinutesBook.PublicMinutes> listPublishedMinutes() {
        return minutes.published();
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            throw new InvalidInput(List.of("validation.document.empty"));
        }
        try (InputStream in = body) {
            byte[] content = in.readNBytes(Meetings.MAX_DOCUMENT_BYTES + 1);
            if (content.length > Meetings.MAX_DOCUMENT_BYTES) {
                throw new InvalidInput(List.of("validation.document.too-large"));
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID actor() {
        return UUID.fromString(security.getUserPrincipal().getName());
    }
}
