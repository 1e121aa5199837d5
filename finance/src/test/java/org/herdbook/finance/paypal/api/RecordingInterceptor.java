package org.herdbook.finance.paypal.api;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Registered in the finance tests' {@code META-INF/services/okhttp3.Interceptor}: remembers the
 * URL of every request that passes, as the request was when it reached it, and changes nothing.
 */
public final class RecordingInterceptor implements Interceptor {

    /** What passed through any instance, oldest first (the tests that read it look for their own URLs). */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        SEEN.add(chain.request().url().toString());
        return chain.proceed(chain.request());
    }
}
