package org.herdbook.web.ballots.boundary;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.herdbook.web.api.Problem;

/**
 * Documents {@code castBallot} in the API description ({@code /openapi}) beside the operations
 * read from the JAX-RS annotations: it is served by {@link VoteCasting}, which no annotation
 * scanner sees. Registered as {@code mp.openapi.filter}.
 */
public class CastingOpenApi implements OASFilter {

    /** A path of the ballots resource that the scanner always documents, to learn the API's prefix. */
    private static final String KNOWN = "/ballots/{id}/audit-bundle";
    static final String CASTING = "/ballots/{id}/votes";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        String prefix = openAPI.getPaths().getPathItems().keySet().stream().filter(path -> path.endsWith(KNOWN))
                .map(path -> path.substring(0, path.length() - KNOWN.length())).findFirst().orElse("/api");
        openAPI.getPaths().addPathItem(prefix + CASTING, OASFactory.createPathItem().POST(castBallot()));
    }

    static Operation castBallot() {
        Schema jws = OASFactory.createSchema().type(Schema.SchemaType.STRING).maxLength(16_384)
                .description("A compact JWS: header typ vote+jwt, alg EdDSA or ES256, kid the RFC 7638 thumbprint"
                        + " of the registered key; claims aud (the ballot URI), manifestHash, choice, jti, iat, seq");
        Content vote = OASFactory.createContent()
                .addMediaType(BallotsResource.JOSE, OASFactory.createMediaType().schema(jws))
                .addMediaType("text/plain", OASFactory.createMediaType().schema(jws));
        Schema string = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema integer = OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
        Schema receipt = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).properties(Map.of(
                "ballotId", string, "leafIndex", integer, "treeSize", integer, "rootHash", string,
                "treeHead", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("The signed tree head (JWS) the vote is under"),
                "receipt", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("The receipt, a JWS (typ vote-receipt+jwt) signed with the foundation's key")));
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("201", OASFactory.createAPIResponse()
                        .description("Accepted and appended to the log; the receipt is signed")
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(receipt))));
        Map.of("400", "Malformed, wrong algorithm, type, ballot, manifest, claims or choice",
                "403", "The key's member is not on the roll",
                "404", "No such ballot",
                "409", "Not open yet, closed, replayed jti or seq not higher",
                "413", "Longer than 16,384 characters",
                "415", "Not sent as application/jose or text/plain",
                "422", "Unknown key or a signature that does not verify",
                "503", "Not appended within 30 s; send the same vote again")
                .forEach((status, text) -> responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(text).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .type(Schema.SchemaType.OBJECT))))));
        return OASFactory.createOperation().operationId("castBallot").addTag("Ballots")
                .summary("Cast a vote: a compact JWS (typ vote+jwt) signed with the key registered for this ballot,"
                        + " sent as application/jose. Answers the signed receipt")
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true)
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uuid")))
                .requestBody(OASFactory.createRequestBody().required(true).content(vote))
                .responses(responses);
    }
}
