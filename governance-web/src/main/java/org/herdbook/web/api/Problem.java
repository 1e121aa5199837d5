package org.herdbook.web.api;

import jakarta.json.Json;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a URN naming the kind of problem, stable across
 * languages; {@code title} and {@code detail} are for people, in their language.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail"})
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:herdbook:problem:";

    public static Problem of(String kind, Response.StatusType status, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status.getStatusCode(), detail);
    }

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    /** @return this problem as JSON, for answers written without JAX-RS (same members and order) */
    public String json() {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject().write("type", type).write("title", title).write("status", status)
                    .write("detail", detail).writeEnd();
        }
        return out.toString();
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
