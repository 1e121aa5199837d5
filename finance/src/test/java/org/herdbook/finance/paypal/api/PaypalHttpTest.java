package org.herdbook.finance.paypal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.paypal.search.PaypalApiAccess;
import org.herdbook.paypal.emulator.EmulatorRoute;
import org.herdbook.paypal.emulator.PaypalEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaypalHttpTest {

    private final PaypalEmulator emulator;
    private final OkHttpClient routed;

    PaypalHttpTest() throws IOException {
        emulator = PaypalEmulator.start(0, "client-id", "client-secret");
        routed = PaypalHttp.client(Duration.ofSeconds(5), List.of(new EmulatorRoute(emulator.baseUrl())));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private int get(String url) throws IOException {
        try (Response response = routed.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code();
        }
    }

    @Test
    void theRouteLeadsPaypalHostsToTheEmulatorAndRefusesEveryOtherHost() throws IOException {
        String path = "/v1/notifications/certs/CERT-" + UUID.randomUUID();

        assertThat(get("https://api-m.sandbox.paypal.com" + path)).isEqualTo(404);
        assertThat(emulator.requests()).containsExactly("GET " + path);
        for (String elsewhere : List.of("https://example.org", "https://api-m.sandbox.paypal.com.example.org",
                "https://notpaypal.com", "http://127.0.0.1:" + emulator.baseUrl().getPort())) {
            assertThatThrownBy(() -> get(elsewhere + path)).isInstanceOf(IOException.class)
                    .hasMessageContaining("EmulatorRoute refuses");
        }
        assertThat(emulator.requests()).containsExactly("GET " + path);
    }

    @Test
    void theRouteCreatedByTheServiceLoaderRefusesToExistWithoutTheEmulatorsAddress() {
        assumeTrue(System.getenv(EmulatorRoute.ADDRESS_VARIABLE) == null, "only where the test server's variable is unset");

        assertThatThrownBy(EmulatorRoute::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EmulatorRoute.ADDRESS_VARIABLE);
    }

    @Test
    void anInterceptorRegisteredThroughTheServiceLoaderSeesTheSdkClientsRequests() {
        PaypalClient client = new PaypalClient(new PaypalApiAccess("client-id", "client-secret", true),
                Duration.ofSeconds(5), List.of(new EmulatorRoute(emulator.baseUrl())));
        String product = "PROD-" + UUID.randomUUID();

        assertThatThrownBy(() -> client.direct("GET", "/v1/catalogs/products/" + product, null, null))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(PaypalClient.status(refusal)).isEqualTo(404));
        // Registered interceptors come first: they see the request as sent to PayPal, before the route.
        assertThat(RecordingInterceptor.SEEN).contains("https://api-m.sandbox.paypal.com/v1/catalogs/products/" + product);
        assertThat(emulator.requests()).contains("GET /v1/catalogs/products/" + product);
    }

    @Test
    void anInterceptorFoundByBothClassLoadersIsAddedOnce() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        // A child loader that delegates to the test's: it finds the same registration and the same class.
        try (URLClassLoader child = new URLClassLoader(new URL[0], PaypalHttp.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(child);

            assertThat(PaypalHttp.registered()).hasSize(1).first().isInstanceOf(RecordingInterceptor.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
