package org.herdbook.finance.paypal.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The one place where the OkHttp clients that talk to PayPal are built: the SDK's, Transaction
 * Search's and the webhook certificate fetch's.
 *
 * <p>Extension point: every {@link Interceptor} registered through {@link ServiceLoader} (a
 * {@code META-INF/services/okhttp3.Interceptor} file naming classes with a public no-argument
 * constructor) is added to every client, before the interceptors a caller passes. It is looked
 * up with the class loader of {@code okhttp3.Interceptor} and with the thread's context class
 * loader; a class found by both counts once. Uses: request logging, an outbound proxy, and in
 * the system tests the route to the PayPal emulator. Herdbook itself registers none. A registered
 * interceptor that cannot be created makes building the client fail, rather than letting requests
 * go out without it.
 */
public final class PaypalHttp {

    private PaypalHttp() {
    }

    /**
     * A client with {@code timeout} for a whole call (at most 10 s to connect), the registered
     * interceptors, then {@code interceptors}, in that order.
     *
     * @param interceptors added after the registered ones (tests route requests to an emulator
     *     this way); empty in production
     */
    public static OkHttpClient client(Duration timeout, List<Interceptor> interceptors) {
        OkHttpClient.Builder http = new OkHttpClient.Builder().callTimeout(timeout).readTimeout(timeout)
                .connectTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, timeout.toSeconds()))));
        registered().forEach(http::addInterceptor);
        interceptors.forEach(http::addInterceptor);
        return http.build();
    }

    /** A new instance of every registered interceptor, one per class. */
    static List<Interceptor> registered() {
        Map<Class<?>, Interceptor> found = new LinkedHashMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Interceptor.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        for (ClassLoader loader : loaders) {
            ServiceLoader.load(Interceptor.class, loader).stream()
                    .filter(provider -> !found.containsKey(provider.type()))
                    .forEach(provider -> found.put(provider.type(), provider.get()));
        }
        return List.copyOf(found.values());
    }
}
