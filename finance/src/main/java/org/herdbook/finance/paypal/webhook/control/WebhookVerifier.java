package org.herdbook.finance.paypal.webhook.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.security.auth.x500.X500Principal;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.herdbook.finance.paypal.api.PaypalHttp;

/**
 * Checks that a webhook delivery comes from PayPal, as PayPal documents it: the body, with the
 * transmission id and time and the foundation's webhook id, signed with SHA256withRSA by a
 * certificate that PayPal serves from one of its API hosts.
 *
 * <p>The certificate URL must be https on an allow-listed PayPal API host of the configured
 * environment; its chain must lead to a trust anchor (the JDK's trust store unless configured
 * otherwise) and be valid now; its subject must be a {@code paypal.com} name. A certificate that
 * passed is cached by URL (PayPal uses few); its validity is checked again on every use. A
 * transmission time outside the window is a replay and refused before anything else is done.
 * The certificate is fetched with an OkHttp client from {@link PaypalHttp} (so registered
 * interceptors apply, as to the SDK's requests) that follows no redirects. Thread-safe.
 */
public final class WebhookVerifier {

    /** Bodies larger than this are refused unread. PayPal's events are a few kilobytes. */
    public static final int MAX_BODY_BYTES = 128 * 1024;
    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    private static final Set<String> LIVE_HOSTS = Set.of("api.paypal.com", "api-m.paypal.com");
    private static final Set<String> SANDBOX_HOSTS = Set.of("api.sandbox.paypal.com", "api-m.sandbox.paypal.com");
    private static final String CERT_PATH = "/v1/notifications/certs/";

    private final WebhookSettings settings;
    private final Supplier<Set<TrustAnchor>> anchors;
    private final Clock clock;
    private final OkHttpClient http;
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    public WebhookVerifier(WebhookSettings settings, Supplier<Set<TrustAnchor>> anchors, Clock clock) {
        this(settings, anchors, clock, List.of());
    }

    /**
     * A verifier whose certificate fetches also pass through {@code interceptors} (after those
     * registered with {@link PaypalHttp}): tests route them to an emulator this way. The URL is
     * checked against the allow-list before any interceptor sees it.
     */
    public WebhookVerifier(WebhookSettings settings, Supplier<Set<TrustAnchor>> anchors, Clock clock,
            List<Interceptor> interceptors) {
        this.settings = settings;
        this.anchors = anchors;
        this.clock = clock;
        this.http = PaypalHttp.client(Duration.ofSeconds(10), interceptors).newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(false).followSslRedirects(false).build();
    }

    /** What a verified delivery says about itself. */
    public record Transmission(String id, Instant time) {
    }

    /**
     * Verifies one delivery.
     *
     * @param header the request's headers, by name in any case
     * @throws WebhookRejected with the reason, when anything does not hold
     */
    public Transmission verify(HeaderLookup header, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejected(WebhookRejected.Reason.TOO_LARGE, body.length + " bytes");
        }
        String transmissionId = header.get("PAYPAL-TRANSMISSION-ID");
        String time = header.get("PAYPAL-TRANSMISSION-TIME");
        String signature = header.get("PAYPAL-TRANSMISSION-SIG");
        String certUrl = header.get("PAYPAL-CERT-URL");
        String algorithm = header.get("PAYPAL-AUTH-ALGO");
        if (blank(transmissionId) || blank(time) || blank(signature) || blank(certUrl)) {
            throw new WebhookRejected(WebhookRejected.Reason.MISSING_HEADERS, "");
        }
        if (algorithm != null && !"SHA256withRSA".equals(algorithm)) {
            throw new WebhookRejected(WebhookRejected.Reason.ALGORITHM, algorithm);
        }
        Instant sent;
        try {
            sent = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new WebhookRejected(WebhookRejected.Reason.STALE, "unreadable time " + time);
        }
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(settings.window()) > 0) {
            throw new WebhookRejected(WebhookRejected.Reason.STALE, "sent " + sent + ", received " + now);
        }
        X509Certificate certificate = certificate(certUrl, now);
        CRC32 crc = new CRC32();
        crc.update(body);
        String signed = transmissionId + "|" + time + "|" + settings.webhookId() + "|" + crc.getValue();
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature.strip()))) {
                throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, "does not match");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, e.getClass().getSimpleName());
        }
        return new Transmission(transmissionId, sent);
    }

    /** Header access that does not care about case. */
    @FunctionalInterface
    public interface HeaderLookup {
        String get(String name);
    }

    private X509Certificate certificate(String certUrl, Instant now) {
        URI uri = allowed(certUrl);
        X509Certificate cached = certificates.get(uri.toString());
        if (cached != null) {
            try {
                cached.checkValidity(Date.from(now));
                return cached;
            } catch (GeneralSecurityException e) {
                certificates.remove(uri.toString());
                throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, "expired " + cached.getNotAfter());
            }
        }
        List<X509Certificate> chain = fetch(uri);
        X509Certificate leaf = chain.get(0);
        validate(chain, now);
        String subject = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253).toLowerCase(Locale.ROOT);
        if (!subject.matches("(^|.*,)cn=([a-z0-9-]+\\.)*paypal\\.com(,.*|$)")) {
            throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, "subject " + subject);
        }
        if (certificates.size() > 100) {
            certificates.clear();
        }
        certificates.put(uri.toString(), leaf);
        return leaf;
    }

    /** The certificate URL, if it is https on one of the environment's PayPal API hosts. */
    URI allowed(String certUrl) {
        URI uri;
        try {
            uri = new URI(certUrl.strip()).normalize();
        } catch (java.net.URISyntaxException e) {
            throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE_HOST, "unreadable URL");
        }
        Set<String> hosts = settings.sandbox() ? SANDBOX_HOSTS : LIVE_HOSTS;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !hosts.contains(host) || uri.getRawUserInfo() != null
                || (uri.getPort() != -1 && uri.getPort() != 443) || uri.getRawPath() == null
                || !uri.getRawPath().startsWith(CERT_PATH) || uri.getRawPath().contains("..")
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE_HOST, certUrl);
        }
        return uri;
    }

    private List<X509Certificate> fetch(URI uri) {
        Request request = new Request.Builder().url(uri.toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] pem;
            try (InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream()) {
                pem = in.readNBytes(MAX_CERTIFICATE_BYTES + 1);
            }
            if (response.code() != 200 || pem.length > MAX_CERTIFICATE_BYTES) {
                throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, "fetch answered " + response.code());
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, "no certificate");
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, "fetch failed: " + e.getMessage());
        }
    }

    private void validate(List<X509Certificate> chain, Instant now) {
        // A root that came with the chain proves nothing: only the configured anchors count.
        List<X509Certificate> path = chain.stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
        if (path.isEmpty() || !path.get(0).equals(chain.get(0))) {
            throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, "self-signed");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors.get());
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw new WebhookRejected(WebhookRejected.Reason.CERTIFICATE, e.getMessage());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
