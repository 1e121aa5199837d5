package org.herdbook.web.ballots.boundary;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.herdbook.ballots.manifest.control.ManifestCodec;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.ballots.records.entity.StoredResult;
import org.herdbook.web.api.HerdbookApi;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.ballots.control.BallotBox;
import org.herdbook.web.security.boundary.CurrentAccount;

/**
 * Ballots: drafting, opening, voting keys, results, audit bundles and inclusion proofs. Votes are
 * cast through {@link VoteCasting}, a servlet filter on {@code POST /api/ballots/{id}/votes}.
 */
@Path("ballots")
@ApplicationScoped
@Tag(name = "Ballots")
public class BallotsResource {

    /** The compact JWS media type (RFC 7515): a vote is posted as is. */
    public static final String JOSE = "application/jose";

    @Inject
    BallotBox ballots;
    @Inject
    CurrentAccount me;

    /** A ballot as listed: what anyone may read. */
    public record BallotSummary(UUID id, String uri, String state, String method, Map<String, String> title,
            Instant opens, Instant closes, LocalDate recordDate, Long rollSize, long votesInLog) {
        static BallotSummary of(StoredBallot ballot, BallotManifest manifest) {
            return new BallotSummary(ballot.id(), ballot.uri().toString(), ballot.state().sql(), ballot.method(),
                    Map.of("en", manifest.proposal().title().en(), "fr", manifest.proposal().title().fr()),
                    ballot.opens(), ballot.closes(), ballot.recordDate(), ballot.rollSize(), ballot.logSize());
        }
    }

    /** A ballot with its manifest, its hash and, once closed, its tally and signed result. */
    public record BallotView(BallotSummary ballot, Map<String, Object> manifest, String manifestHash,
            Map<String, Object> tally, String result) {
    }

    public record Registered(String kid) {
    }

    public record Inclusion(String ballotId, long leafIndex, long treeSize, String rootHash, List<String> auditPath,
            String treeHead) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"board", "secretary"})
    @CsrfChecked
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "createBallot", summary = "Draft a proposal and its ballot (not open yet): title and"
            + " text in English and French, options, counting method, opening and closing times, record date")
    @APIResponse(responseCode = "201", description = "Drafted")
    @APIResponse(responseCode = "400", description = "Missing or invalid fields")
    public Response createBallot(String body) {
        BallotManifest draft = BallotDrafts.parse(body, ballots.uri(UUID.randomUUID()));
        UUID id = ballots.draft(new BallotBox.Definition(draft.proposal(), draft.options(), draft.method(),
                draft.opens(), draft.closes(), draft.recordDate()), me.account().getId());
        return Response.status(Response.Status.CREATED).entity(view(ballots.ballot(id))).build();
    }

    @POST
    @Path("{id}/opening")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"board", "secretary"})
    @CsrfChecked
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "openBallot", summary = "Open a drafted ballot: freeze the voter roll from the members"
            + " eligible on the record date and fix the manifest")
    @APIResponse(responseCode = "200", description = "Open; the manifest and its hash are final")
    @APIResponse(responseCode = "409", description = "Not a draft, closing time passed, or record date in the future")
    public BallotView openBallot(@PathParam("id") String id) {
        return view(ballots.open(ballotId(id), me.account().getId()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "listBallots", summary = "Every ballot, newest first: title, state, times, roll size")
    public List<BallotSummary> listBallots() {
        return ballots.all().stream().map(b -> BallotSummary.of(b, ballots.manifestOf(b))).toList();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(operationId = "getBallot", summary = "A ballot with its manifest and manifest hash; once closed, its"
            + " tally (turnout, quorum, threshold, outcome) and signed result")
    public BallotView getBallot(@PathParam("id") String id) {
        return view(ballots.ballot(ballotId(id)));
    }

    @GET
    @Path("{id}/roll/me")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "checkMyRollEntry", summary = "Whether I am on the ballot's frozen voter roll, with my"
            + " salt, index and audit path to check it against the manifest's roll hash")
    public BallotBox.RollCheck checkMyRollEntry(@PathParam("id") String id) {
        return ballots.rollCheck(ballotId(id), me.account().getId());
    }

    @POST
    @Path("{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Transactional
    @RolesAllowed({"member", "treasurer", "secretary", "board", "admin"})
    @CsrfChecked
    @SecurityRequirement(name = HerdbookApi.BEARER)
    @Operation(operationId = "registerVotingKey", summary = "Register my public voting key (a JWK: Ed25519 or P-256)"
            + " for this ballot; its RFC 7638 thumbprint is the kid of my votes. I get an e-mail about it")
    @APIResponse(responseCode = "201", description = "Registered (or the same key again: 200)")
    @APIResponse(responseCode = "403", description = "Not on the ballot's voter roll")
    @APIResponse(responseCode = "409", description = "Another key is registered, or the ballot is not open")
    public Response registerVotingKey(@PathParam("id") String id, String body) {
        Map<String, Object> jwk;
        try {
            jwk = JSONObjectUtils.parse(body == null ? "" : body);
        } catch (ParseException e) {
            throw new Refusal("voting-key-invalid", Response.Status.BAD_REQUEST);
        }
        UUID ballot = ballotId(id);
        boolean existed = ballots.keyOf(ballot, me.account().getId()).isPresent();
        String kid = ballots.registerKey(ballot, me.account(), jwk);
        return Response.status(existed ? Response.Status.OK : Response.Status.CREATED).entity(new Registered(kid))
                .build();
    }

    @GET
    @Path("{id}/audit-bundle")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(operationId = "getAuditBundle", summary = "The closed ballot's audit bundle: manifest, signed tree"
            + " heads, every vote with its pseudonymous key and superseded mark, tally and signed result")
    @APIResponse(responseCode = "409", description = "The ballot is not closed yet")
    public Response getAuditBundle(@PathParam("id") String id) {
        StoredResult result = ballots.result(ballotId(id))
                .orElseThrow(() -> new Refusal("ballot-not-closed", Response.Status.CONFLICT));
        return Response.ok(result.bundleJson(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{id}/inclusion-proofs/{ballotId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(operationId = "getInclusionProof", summary = "The RFC 9162 inclusion proof of a vote (by its ballot id)"
            + " in the ballot's log, against the latest signed tree head (the final one once closed)")
    @APIResponse(responseCode = "404", description = "No vote with that ballot id in the log")
    public Inclusion getInclusionProof(@PathParam("id") String id, @PathParam("ballotId") String voteId) {
        BallotBox.Inclusion inclusion = ballots.inclusion(ballotId(id), voteId);
        var proof = inclusion.proof();
        return new Inclusion(proof.ballotId(), proof.leafIndex(), proof.treeSize(), proof.rootHash(),
                proof.auditPath(), inclusion.treeHead());
    }

    private BallotView view(StoredBallot ballot) {
        BallotManifest manifest = ballots.manifestOf(ballot);
        Map<String, Object> manifestJson = ballot.state() == StoredBallot.State.DRAFT ? null
                : new LinkedHashMap<>(ManifestCodec.toJson(manifest));
        Map<String, Object> tally = ballots.tally(ballot.id()).orElse(null);
        String result = ballots.result(ballot.id()).map(StoredResult::resultJws).orElse(null);
        return new BallotView(BallotSummary.of(ballot, manifest), manifestJson, ballot.manifestHash(), tally, result);
    }

    /** @throws Refusal 404 for an id that is not a UUID, so no ballot */
    static UUID ballotId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Refusal("ballot-unknown", Response.Status.NOT_FOUND);
        }
    }
}
