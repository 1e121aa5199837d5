package org.herdbook.web.mastodon.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The address of a Mastodon instance, reduced to its origin ({@code https://mastodon.example}).
 * Plain {@code http} is accepted only for {@code localhost} and {@code 127.0.0.1} (development
 * and tests): codes and client secrets must never cross the network in clear.
 */
public record InstanceUrl(String origin, String host) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1");

    /** The instance at {@code text}; refuses anything that is not a bare https (or local http) origin. */
    public static InstanceUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no Mastodon instance URL given");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + text, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL with a host: " + text);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new IllegalArgumentException("the Mastodon instance must use https (http only for localhost): " + text);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("give only the instance's address, without path, query or user: " + text);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new InstanceUrl(scheme + "://" + host + port, host);
    }

    /** An endpoint of this instance: {@code path} starts with a slash. */
    public URI endpoint(String path) {
        return URI.create(origin + path);
    }

    @Override
    public String toString() {
        return origin;
    }
}
