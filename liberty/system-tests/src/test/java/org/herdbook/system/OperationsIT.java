package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What operators and API clients rely on: health, metrics, the OpenAPI document. */
class OperationsIT {

    private final HttpClient client = TestServer.newSession();

    @Test
    void readinessChecksTheDatabaseAndStartUp() {
        HttpResponse<String> ready = TestServer.get(client, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject check = TestServer.json(ready).getJsonArray("checks").getJsonObject(0);
        assertThat(check.getString("name")).isEqualTo("database");
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("postgresql")).startsWith("18.");
        assertThat(check.getJsonObject("data").getBoolean("startup-complete")).isTrue();
    }

    @Test
    void livenessChecksAPooledConnection() {
        HttpResponse<String> live = TestServer.get(client, "/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(live).getString("status")).isEqualTo("UP");
        assertThat(live.body()).contains("database-connection");
    }

    @Test
    void metricsAreInPrometheusFormat() {
        HttpResponse<String> metrics = TestServer.get(client, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE ").contains("jvm_uptime_seconds");
    }

    @Test
    void theOpenApiDocumentNamesTheOperationsByTheirStableIds() {
        HttpResponse<String> openapi = TestServer.get(client, "/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("operationId: issueAccessToken", "operationId: getCurrentAccount",
                "/api/tokens", "bearer");
        // The members issue's stable operations.
        assertThat(openapi.body()).contains("operationId: registerMember", "operationId: getMyMembership",
                "operationId: exportMyData", "operationId: listMembers", "operationId: createAccount",
                "operationId: grantRole", "operationId: revokeRole", "operationId: recordDuesPayment",
                "operationId: closeMyAccount", "operationId: listAuditEvents", "operationId: getFoundationKeys");
        // The board and meetings issue's.
        assertThat(openapi.body()).contains("operationId: scheduleMeeting", "operationId: recordAttendance",
                "operationId: recordMotionResult", "operationId: getMinutesPdf", "operationId: getBoard",
                "operationId: sendMeetingNotice", "operationId: approveMinutes", "operationId: listResolutions",
                "operationId: listPublishedMinutes", "operationId: recordDirectorTerm",
                "operationId: recordFiling", "operationId: sendFilingReminders");
        // Dues and donations through PayPal.
        assertThat(openapi.body()).contains("operationId: startDuesSubscription", "operationId: cancelDuesSubscription",
                "operationId: getMyDuesSubscription", "operationId: setUpDuesPlans", "operationId: listDuesPlans",
                "operationId: createDonation", "operationId: captureDonation", "operationId: getDonationReceipt",
                "operationId: receivePaypalWebhook");
        assertThat(openapi.body()).contains("operationId: getMonthlyReport", "operationId: getMonthlyReportPdf",
                "operationId: publishMonthlyReport", "operationId: listPublishedReports", "operationId: getMonthlyReportCsv",
                "operationId: verifyMonthlyReportPdf", "operationId: getMonthlyReportDraft",
                "operationId: generateMonthlyReportDraft", "operationId: updateMonthlyReportNarrative",
                "operationId: recordInstanceFigures", "operationId: fetchInstanceFigures");
        assertThat(openapi.body()).contains("operationId: createBallot", "operationId: openBallot",
                "operationId: listBallots", "operationId: getBallot", "operationId: checkMyRollEntry",
                "operationId: registerVotingKey", "operationId: castBallot", "operationId: getAuditBundle",
                "operationId: getInclusionProof");
    }

    @Test
    void anyoneCanFetchTheFoundationsPublicSigningKeysAndNeverAPrivatePart() {
        HttpResponse<String> keys = TestServer.get(client, "/api/keys");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/jwk-set+json"));
        JsonObject key = TestServer.json(keys).getJsonArray("keys").getJsonObject(0);
        assertThat(key.getString("kty")).isEqualTo("OKP");
        assertThat(key.getString("crv")).isEqualTo("Ed25519");
        assertThat(key.containsKey("d")).isFalse();
        assertThat(TestServer.log()).contains("The foundation signs with key ");
    }
}
