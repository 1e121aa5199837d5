package org.herdbook.web.mastodon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herdbook.reports.figures.control.InstanceMeasures;
import org.herdbook.reports.period.ReportMonth;

/**
 * The instance's month from Mastodon's admin API, with the admin token in
 * {@code HERDBOOK_MASTODON_ADMIN_TOKEN} (scope {@code admin:read}; from the environment only):
 * {@code POST /api/v1/admin/measures} for active users, new users, reports opened and resolved over
 * the month's days, and {@code GET /api/v1/instance} for the number of users. Empty without an
 * instance or a token, or when the instance does not answer as expected (the figures are then typed).
 */
@ApplicationScoped
public class MastodonMeasures implements InstanceMeasures {

    private static final Logger LOG = Logger.getLogger(MastodonMeasures.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    @Inject
    MastodonInstance instance;
    @Inject
    @ConfigProperty(name = "herdbook.mastodon.admin-token")
    Optional<String> adminToken;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    public boolean isConfigured() {
        return instance.configured().isPresent() && adminToken.filter(token -> !token.isBlank()).isPresent();
    }

    @Override
    public Optional<Measured> measure(ReportMonth month) {
        if (!isConfigured()) {
            return Optional.empty();
        }
        InstanceUrl url = instance.configured().orElseThrow();
        String token = adminToken.orElseThrow().strip();
        try {
            String body = Json.createObjectBuilder()
                    .add("keys", Json.createArrayBuilder().add("active_users").add("new_users").add("opened_reports")
                            .add("resolved_reports"))
                    .add("start_at", month.yearMonth().atDay(1).toString())
                    .add("end_at", month.yearMonth().atEndOfMonth().toString()).build().toString();
            JsonValue measures = send(HttpRequest.newBuilder(url.endpoint("/api/v1/admin/measures")).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("User-Agent", "Herdbook")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            JsonValue about = send(HttpRequest.newBuilder(url.endpoint("/api/v1/instance")).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .header("User-Agent", "Herdbook").GET().build());
            JsonArray keys = measures.asJsonArray();
            long users = about.asJsonObject().getJsonObject("stats").getJsonNumber("user_count").longValue();
            return Optional.of(new Measured(users, total(keys, "active_users"), total(keys, "new_users"),
                    total(keys, "opened_reports"), total(keys, "resolved_reports")));
        } catch (IOException | JsonException | ClassCastException | NullPointerException | NumberFormatException e) {
            LOG.warning(() -> "Mastodon admin measures for " + month + " at " + url + " failed: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static long total(JsonArray measures, String key) {
        return measures.getValuesAs(JsonObject.class).stream().filter(measure -> key.equals(measure.getString("key")))
                .findFirst().map(measure -> Long.parseLong(measure.getString("total")))
                .orElseThrow(() -> new NumberFormatException("no measure " + key));
    }

    private JsonValue send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (response.statusCode() != 200 || bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException(request.uri().getPath() + " answered " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                return reader.readValue();
            }
        }
    }
}
