package org.herdbook.paypal.emulator;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The emulator's webhook signing: its own test certificate authority, a signing certificate
 * issued by it (and, for tests, an expired one and one from an authority nobody trusts), and
 * PayPal's signature over {@code transmission_id|transmission_time|webhook_id|crc32(body)}
 * with SHA256withRSA.
 */
public final class WebhookSigner {

    /** Which certificate signs a delivery. */
    public enum Certificate {
        /** Issued by the emulator's authority, valid now. */
        VALID,
        /** Issued by the emulator's authority, expired yesterday. */
        EXPIRED,
        /** Valid now, but issued by an authority of its own that nobody trusts. */
        UNTRUSTED
    }

    /** The headers PayPal sends with a webhook delivery, and the body they sign. */
    public record Delivery(Map<String, String> headers, byte[] body) {
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static WebhookSigner shared;

    /** One authority per JVM, so a server configured with it once trusts every emulator the tests start. */
    static synchronized WebhookSigner shared() {
        if (shared == null) {
            shared = new WebhookSigner();
        }
        return shared;
    }

    /** Certificate URLs differ per emulator instance, as PayPal's differ per certificate. */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    private final X509Certificate authority;
    private final Map<Certificate, KeyPair> keys = new LinkedHashMap<>();
    private final Map<Certificate, String> chains = new LinkedHashMap<>();

    WebhookSigner() {
        try {
            KeyPair authorityKeys = rsa();
            Instant now = Instant.now();
            authority = certificate("CN=Herdbook PayPal emulator test CA", authorityKeys, "CN=Herdbook PayPal emulator test CA",
                    authorityKeys.getPrivate(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), true);
            for (Certificate kind : Certificate.values()) {
                KeyPair leafKeys = rsa();
                keys.put(kind, leafKeys);
                String subject = "CN=messageverificationcerts.sandbox.paypal.com";
                X509Certificate leaf;
                X509Certificate issuer;
                if (kind == Certificate.UNTRUSTED) {
                    KeyPair strangerKeys = rsa();
                    issuer = certificate("CN=Someone else's CA", strangerKeys, "CN=Someone else's CA",
                            strangerKeys.getPrivate(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), true);
                    leaf = certificate(subject, leafKeys, "CN=Someone else's CA", strangerKeys.getPrivate(),
                            now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), false);
                } else if (kind == Certificate.EXPIRED) {
                    issuer = authority;
                    leaf = certificate(subject, leafKeys, "CN=Herdbook PayPal emulator test CA", authorityKeys.getPrivate(),
                            now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), false);
                } else {
                    issuer = authority;
                    leaf = certificate(subject, leafKeys, "CN=Herdbook PayPal emulator test CA", authorityKeys.getPrivate(),
                            now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), false);
                }
                chains.put(kind, pem(leaf) + pem(issuer));
            }
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make the emulator's test certificates", e);
        }
    }

    /** The test authority's certificate, PEM: what a test configures as the trust anchor. */
    public String authorityPem() {
        return pem(authority);
    }

    /** The PEM chain (signing certificate first) served at the certificate URL of {@code kind}. */
    String chain(Certificate kind) {
        return chains.get(kind);
    }

    /** The path of {@code kind}'s certificate on the emulator (and on PayPal's API hosts). */
    String certPath(Certificate kind) {
        return "/v1/notifications/certs/CERT-360caa42-" + instance + "-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Signs {@code body} as PayPal does for the webhook {@code webhookId}.
     *
     * @param certUrl the certificate URL to announce (normally {@code https://api.sandbox.paypal.com} plus
     *     {@link #certPath(Certificate)})
     */
    public Delivery sign(String webhookId, byte[] body, Instant transmissionTime, Certificate kind, String certUrl) {
        String transmissionId = UUID.randomUUID().toString();
        String time = transmissionTime.toString();
        CRC32 crc = new CRC32();
        crc.update(body);
        String signed = transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.get(kind).getPrivate());
            signature.update(signed.getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("PAYPAL-TRANSMISSION-ID", transmissionId);
            headers.put("PAYPAL-TRANSMISSION-TIME", time);
            headers.put("PAYPAL-TRANSMISSION-SIG", Base64.getEncoder().encodeToString(signature.sign()));
            headers.put("PAYPAL-CERT-URL", certUrl);
            headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
            headers.put("PAYPAL-AUTH-VERSION", "v2");
            return new Delivery(headers, body.clone());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
            Instant notBefore, Instant notAfter, boolean authority)
            throws IOException, GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
