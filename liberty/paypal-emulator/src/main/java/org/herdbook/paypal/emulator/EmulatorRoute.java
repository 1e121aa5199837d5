package org.herdbook.paypal.emulator;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Test-only OkHttp interceptor that sends every request for a PayPal host ({@code paypal.com} or
 * {@code *.paypal.com}) to an emulator instead: scheme, host and port are rewritten, path and
 * query kept. A request for any other host is refused with an {@link IOException}, so that a
 * test can never reach the internet through it.
 *
 * <p>Finance unit tests pass {@code new EmulatorRoute(emulator.baseUrl())} to the finance
 * constructors. The system-test server gets it through {@code java.util.ServiceLoader} (the
 * extension point of {@code org.herdbook.finance.paypal.api.PaypalHttp}): the system-test build
 * registers this class in a Liberty library, and the no-argument constructor reads the
 * emulator's address from {@value #ADDRESS_VARIABLE}. This jar itself registers nothing.
 */
public final class EmulatorRoute implements Interceptor {

    /** The environment variable the no-argument constructor reads, such as {@code http://localhost:9182}. */
    public static final String ADDRESS_VARIABLE = "HERDBOOK_IT_PAYPAL_EMULATOR_URL";

    private final String scheme;
    private final String host;
    private final int port;

    /**
     * The route to the emulator at {@value #ADDRESS_VARIABLE}.
     *
     * @throws IllegalStateException when the variable is not set: a server configured with this
     *     route must not talk to anyone else
     */
    public EmulatorRoute() {
        this(fromEnvironment());
    }

    /** The route to the emulator at {@code emulator} (scheme, host and port; the rest is ignored). */
    public EmulatorRoute(URI emulator) {
        if (emulator.getScheme() == null || emulator.getHost() == null) {
            throw new IllegalArgumentException("not an emulator address: " + emulator);
        }
        this.scheme = emulator.getScheme().toLowerCase(Locale.ROOT);
        this.host = emulator.getHost();
        this.port = emulator.getPort() > 0 ? emulator.getPort() : HttpUrl.defaultPort(scheme);
    }

    private static URI fromEnvironment() {
        String address = System.getenv(ADDRESS_VARIABLE);
        if (address == null || address.isBlank()) {
            throw new IllegalStateException(EmulatorRoute.class.getName() + " is registered but " + ADDRESS_VARIABLE
                    + " is not set: requests to PayPal would have nowhere to go");
        }
        return URI.create(address.strip());
    }

    /** Whether {@code host} is one of PayPal's. */
    static boolean paypal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("paypal.com") || name.endsWith(".paypal.com");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!paypal(request.url().host())) {
            throw new IOException("EmulatorRoute refuses " + request.url().host() + ": only PayPal's hosts lead to the emulator");
        }
        HttpUrl url = request.url().newBuilder().scheme(scheme).host(host).port(port).build();
        return chain.proceed(request.newBuilder().url(url).build());
    }

    @Override
    public String toString() {
        return "EmulatorRoute[" + scheme + "://" + host + ":" + port + "]";
    }
}
