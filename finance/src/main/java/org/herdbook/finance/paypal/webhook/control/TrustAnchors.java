package org.herdbook.finance.paypal.webhook.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The authorities a PayPal webhook certificate must chain to: the JDK's trust store, or the
 * certificates of a PEM file (read again when the file changes).
 */
public final class TrustAnchors {

    private TrustAnchors() {
    }

    /** The JDK's default trust store, as for any https connection. */
    public static Supplier<Set<TrustAnchor>> jdk() {
        Set<TrustAnchor> anchors = new HashSet<>();
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate certificate : x509.getAcceptedIssuers()) {
                        anchors.add(new TrustAnchor(certificate, null));
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's trust store", e);
        }
        Set<TrustAnchor> fixed = Set.copyOf(anchors);
        return () -> fixed;
    }

    /** The certificates in PEM file {@code file}, read again whenever its modification time changes. */
    public static Supplier<Set<TrustAnchor>> file(Path file) {
        return new Supplier<>() {
            private FileTime readAt;
            private Set<TrustAnchor> anchors = Set.of();

            @Override
            public synchronized Set<TrustAnchor> get() {
                try {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (!modified.equals(readAt)) {
                        anchors = read(file);
                        readAt = modified;
                    }
                    return anchors;
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException("cannot read PayPal webhook trust anchors from " + file, e);
                }
            }
        };
    }

    /** The certificates in {@code pem}, as anchors. */
    public static Set<TrustAnchor> of(InputStream pem) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
            anchors.add(new TrustAnchor((X509Certificate) certificate, null));
        }
        if (anchors.isEmpty()) {
            throw new GeneralSecurityException("no certificate");
        }
        return Set.copyOf(anchors);
    }

    private static Set<TrustAnchor> read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }
}
