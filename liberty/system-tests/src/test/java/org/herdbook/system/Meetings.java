package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What the meeting tests share: the bylaws they need, members eligible to vote today, the minutes' text. */
final class Meetings {

    /** The day in the foundation's time zone, as the server counts it. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of(TestServer.FOUNDATION_ZONE));

    private Meetings() {
    }

    /** Sets the meeting rules a test needs (membership rules at their defaults). */
    static void bylaws(int noticeMin, int noticeMax, String quorumKind, int quorumValue, boolean proxies,
            int maxTerms) {
        JsonObject body = Json.createObjectBuilder().add("duesGraceDays", 30).add("graceKeepsVote", true)
                .add("minMembershipDays", 0).add("noticeMinDays", noticeMin).add("noticeMaxDays", noticeMax)
                .add("memberQuorumKind", quorumKind).add("memberQuorumValue", quorumValue)
                .add("boardQuorumKind", "percent").add("boardQuorumValue", 50).add("proxiesAllowed", proxies)
                .add("officerRoles", Json.createArrayBuilder().add("president").add("secretary").add("treasurer"))
                .add("maxDirectorTerms", maxTerms).build();
        HttpResponse<String> changed = TestServer.putJson(TestServer.newSession(), "/api/bylaws", body.toString(),
                "Bearer " + TestServer.adminToken());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    /** The bylaws' defaults for meetings. */
    static void defaultBylaws() {
        bylaws(21, 60, "percent", 10, true, 0);
    }

    /** A member whose dues, paid today, make them eligible to vote today. */
    static TestPeople.Person eligibleMember(String language, String label) {
        TestPeople.Person member = TestPeople.speaking(language, label, "member");
        TestPeople.Person treasurer = TestPeople.withRoles("dues-" + label, "treasurer");
        HttpResponse<String> paid = TestServer.postJson(TestServer.newSession(), "/api/members/" + member.id()
                + "/dues-payments", Json.createObjectBuilder().add("amount", "5.00").add("currency", "CAD")
                .add("paidOn", TODAY.toString()).add("months", 1).add("reference", "meeting test").build().toString(),
                "Authorization", treasurer.bearer());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        return member;
    }

    /** The text of a PDF the server answers at {@code path}, after checking it is one. */
    static PdfText pdf(HttpClient client, String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.url(path)))
                    .timeout(Duration.ofSeconds(30)).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/pdf"));
            try (PDDocument document = Loader.loadPDF(response.body())) {
                return new PdfText(new PDFTextStripper().getText(document), document.getNumberOfPages());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record PdfText(String text, int pages) {
    }
}
