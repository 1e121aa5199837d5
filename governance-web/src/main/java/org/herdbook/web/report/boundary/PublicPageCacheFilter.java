package org.herdbook.web.report.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.report.control.PublicPageCache;

/**
 * Serves the public report pages ({@code /reports/index.xhtml}, {@code /reports/month.xhtml}) to
 * anonymous visitors from {@link PublicPageCache}, and fills it as they are rendered. Runs after
 * the language filter (the language is part of the key) and the security headers (declared in
 * that order in {@code web.xml}).
 *
 * <p>Only plain {@code GET}s are served or kept: nobody signed in, no {@code Authorization} header,
 * no session, no query parameters but {@code month} and {@code version}. A page is kept only if it
 * was a {@code 200} in HTML, started no session and set no cookie, so nothing personal is ever kept.
 * Those requests carry an RFC 9211 {@code Cache-Status} header: {@code herdbook-pages; hit} or
 * {@code herdbook-pages; fwd=miss}.
 */
public class PublicPageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The pages served from the cache (and rendered without view state for anonymous visitors). */
    static final Set<String> PAGES = Set.of("/reports/index.xhtml", "/reports/month.xhtml");
    private static final Set<String> PARAMETERS = Set.of("month", "version");
    private static final int LONGEST_QUERY = 64;
    /** RFC 9211's header, which says whether the page came from this cache ({@code hit}) or not. */
    static final String CACHE_STATUS = "Cache-Status";
    static final String CACHE = "herdbook-pages";

    @Inject
    transient PublicPageCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<PublicPageCache.Key> key = keyOf(request);
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        PublicPageCache.Page kept = cache.get(key.get());
        if (kept != null) {
            response.setHeader(CACHE_STATUS, CACHE + "; hit");
            response.setContentType(kept.contentType());
            response.setContentLength(kept.body().length);
            response.getOutputStream().write(kept.body());
            return;
        }
        response.setHeader(CACHE_STATUS, CACHE + "; fwd=miss");
        long before = cache.beforeRendering();
        Recording recording = new Recording(response);
        chain.doFilter(request, recording);
        recording.flush();
        if (recording.keepable() && request.getSession(false) == null) {
            cache.put(key.get(), before, new PublicPageCache.Page(recording.body(), recording.getContentType()));
        }
    }

    /** The cache key of a request that may be served from the cache; empty for every other request. */
    static Optional<PublicPageCache.Key> keyOf(HttpServletRequest request) {
        boolean anonymous = request.getUserPrincipal() == null && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() == null;
        // Path parameters (";x=y") are not in the servlet path but are in the links a page writes.
        String extra = request.getPathInfo() != null ? request.getPathInfo()
                : request.getRequestURI().equals(request.getContextPath() + request.getServletPath()) ? null
                        : request.getRequestURI();
        return keyOf(request.getMethod(), request.getServletPath(), extra, anonymous, request.getQueryString(),
                RequestLanguage.decidedFor(request).tag());
    }

    /** The same, from the request's parts; {@code extraPath} is anything the address has beyond the page's path. */
    static Optional<PublicPageCache.Key> keyOf(String method, String path, String extraPath, boolean anonymous,
            String query, String language) {
        if (!"GET".equals(method) || !PAGES.contains(path) || extraPath != null || !anonymous) {
            return Optional.empty();
        }
        if (query != null && (query.length() > LONGEST_QUERY || !onlyKnownParameters(query))) {
            return Optional.empty();
        }
        return Optional.of(new PublicPageCache.Key(query == null ? path : path + "?" + query, language));
    }

    private static boolean onlyKnownParameters(String query) {
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0 || !PARAMETERS.contains(pair.substring(0, equals))) {
                return false;
            }
            for (char c : pair.substring(equals + 1).toCharArray()) {
                if (!(c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Passes everything through to the real response as it comes, and keeps a copy of the body
     * (up to a limit) and whether anything made the page unfit to keep.
     */
    static final class Recording extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
        private boolean unfit;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Recording(HttpServletResponse response) {
            super(response);
        }

        boolean keepable() {
            String type = getContentType();
            return !unfit && getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
                    && getHeader("Set-Cookie") == null;
        }

        byte[] body() {
            return copy.toByteArray();
        }

        void flush() throws IOException {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void addCookie(Cookie cookie) {
            unfit = true;
            super.addCookie(cookie);
        }

        @Override
        public void sendError(int status) throws IOException {
            unfit = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            unfit = true;
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            unfit = true;
            super.sendRedirect(location);
        }

        @Override
        public void reset() {
            copy.reset();
            super.reset();
        }

        @Override
        public void resetBuffer() {
            copy.reset();
            super.resetBuffer();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was already called");
            }
            if (stream == null) {
                stream = new Tee(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (stream != null) {
                    throw new IllegalStateException("getOutputStream() was already called");
                }
                stream = new Tee(super.getOutputStream());
                writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        private final class Tee extends ServletOutputStream {

            private final ServletOutputStream out;

            Tee(ServletOutputStream out) {
                this.out = out;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                keep(bytes, offset, length);
            }

            private void keep(byte[] bytes, int offset, int length) {
                if (unfit) {
                    return;
                }
                if (copy.size() + length > PublicPageCache.LARGEST) {
                    unfit = true;
                    copy.reset();
                    return;
                }
                copy.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }

            @Override
            public boolean isReady() {
                return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
            }
        }
    }
}
