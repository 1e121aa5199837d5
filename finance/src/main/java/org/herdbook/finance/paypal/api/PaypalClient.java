package org.herdbook.finance.paypal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paypal.sdk.Environment;
import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.authentication.ClientCredentialsAuthModel;
import com.paypal.sdk.exceptions.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.paypal.search.PaypalApiAccess;

/**
 * PayPal's REST API for the foundation: the official server SDK, plus direct calls for what the
 * SDK lacks (catalog products, a subscription's status).
 *
 * <p>Every call that creates something carries a {@code PayPal-Request-Id}; a timeout or a 5xx
 * is retried up to {@value #ATTEMPTS} times with the same id, so PayPal answers a retry with what
 * the first attempt did instead of doing it again (no second charge, no second order).
 */
public final class PaypalClient {

    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(PaypalClient.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final PaypalApiAccess access;
    private final OkHttpClient http;
    private final PaypalServerSdkClient sdk;
    private final String base;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public PaypalClient(PaypalApiAccess access, Duration timeout) {
        this(access, timeout, List.of());
    }

    /**
     * A client whose requests also pass through {@code interceptors} (after those registered
     * with {@link PaypalHttp}): tests route them to an emulator this way.
     */
    public PaypalClient(PaypalApiAccess access, Duration timeout, List<Interceptor> interceptors) {
        this.access = access;
        this.http = PaypalHttp.client(timeout, interceptors);
        this.sdk = new PaypalServerSdkClient.Builder()
                .environment(access.sandbox() ? Environment.SANDBOX : Environment.PRODUCTION)
                .clientCredentialsAuth(new ClientCredentialsAuthModel.Builder(access.clientId(), access.clientSecret()).build())
                .httpClientConfig(config -> config.httpClientInstance(http).numberOfRetries(0)
                        .timeout(Math.max(1, timeout.toSeconds())))
                .build();
        this.base = access.sandbox() ? "https://api-m.sandbox.paypal.com" : "https://api-m.paypal.com";
    }

    public PaypalServerSdkClient sdk() {
        return sdk;
    }

    /** One SDK call. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ApiException, IOException, PaypalStatus;
    }

    /** PayPal's HTTP status on a direct call that did not succeed. */
    public static final class PaypalStatus extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        PaypalStatus(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /**
     * Runs {@code call}, again after a timeout or a 5xx (the call must carry the same
     * {@code PayPal-Request-Id} every time).
     *
     * @throws Refusal {@code finance.paypal.apiRefused} (PayPal's 4xx) or {@code finance.paypal.apiUnreachable}
     */
    public <T> T withRetries(String what, Call<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.run();
            } catch (ApiException e) {
                if (e.getResponseCode() < 500 || attempt == ATTEMPTS) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiRefused", e.getResponseCode());
                }
                retrying(what, attempt, "HTTP " + e.getResponseCode());
            } catch (PaypalStatus e) {
                if (e.code < 500 || attempt == ATTEMPTS) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiRefused", e.code);
                }
                retrying(what, attempt, "HTTP " + e.code);
            } catch (io.apimatic.core.exceptions.AuthValidationException e) {
                throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiRefused", 401);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "finance.paypal.apiUnreachable", e.getMessage());
                }
                retrying(what, attempt, e.getClass().getSimpleName());
            }
        }
    }

    /** The HTTP status of PayPal's refusal inside {@code refusal}, or 0. */
    public static int status(Refusal refusal) {
        return "finance.paypal.apiRefused".equals(refusal.messageKey()) && refusal.arguments().length > 0
                && refusal.arguments()[0] instanceof Integer code ? code : 0;
    }

    /**
     * A direct JSON call (for what the SDK lacks), retried like {@link #withRetries}.
     *
     * @param requestId the {@code PayPal-Request-Id} for a call that creates something, or null
     * @param body the JSON to send, or null for a GET
     * @return the answer's JSON (empty for 204)
     */
    public JsonNode direct(String method, String path, String requestId, JsonNode body) {
        return withRetries(method + " " + path, () -> {
            Request.Builder request = new Request.Builder().url(base + path)
                    .header("Authorization", "Bearer " + token()).header("Accept", "application/json");
            if (requestId != null) {
                request.header("PayPal-Request-Id", requestId);
            }
            request.method(method, body == null ? ("GET".equals(method) ? null : RequestBody.create(new byte[0], JSON_TYPE))
                    : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE));
            try (Response response = http.newCall(request.build()).execute()) {
                String text = response.body() == null ? "" : response.body().string();
                if (!response.isSuccessful()) {
                    throw new PaypalStatus(response.code(), text);
                }
                return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            }
        });
    }

    private synchronized String token() throws IOException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((access.clientId() + ":" + access.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        Request request = new Request.Builder().url(base + "/v1/oauth2/token").header("Authorization", "Basic " + basic)
                .post(RequestBody.create("grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII),
                        MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new io.apimatic.core.exceptions.AuthValidationException("PayPal refused the credentials ("
                        + response.code() + ")");
            }
            JsonNode answer = JSON.readTree(response.body().string());
            token = answer.path("access_token").asText();
            tokenExpires = Instant.now().plusSeconds(Math.max(60, answer.path("expires_in").asLong(300) - 60));
            return token;
        }
    }

    private static void retrying(String what, int attempt, String why) {
        LOG.warning(() -> "PayPal " + what + ": attempt " + attempt + " failed (" + why + "), retrying with the same request id");
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
