package org.herdbook.web.report.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.herdbook.ballots.keys.control.KeyPolicy;
import org.herdbook.reports.publication.control.MonthlyReportWorkflow;
import org.herdbook.reports.publication.control.ReportSigner;
import org.herdbook.web.signing.control.FoundationKey;

/**
 * Report signatures with the foundation's key. Checking accepts only the report type, the
 * algorithms the foundation signs with, and a key published at {@code GET /api/keys} (current or
 * retired) named by {@code kid}; a key embedded in the header is never used.
 */
@ApplicationScoped
public class FoundationReportSigner implements ReportSigner {

    @Inject
    FoundationKey key;

    @Override
    public String sign(String typ, Map<String, Object> claims) {
        return key.current().sign(typ, claims);
    }

    @Override
    public String keyId() {
        return key.current().kid();
    }

    @Override
    public Optional<Map<String, Object>> verify(String jws) {
        try {
            JWSObject object = JWSObject.parse(jws);
            if (object.getHeader().getType() == null
                    || !MonthlyReportWorkflow.SIGNATURE_TYPE.equals(object.getHeader().getType().getType())
                    || !KeyPolicy.ALLOWED_ALGORITHMS.contains(object.getHeader().getAlgorithm().getName())
                    || object.getHeader().getJWK() != null || object.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            // Published keys carry no kid member: a key's id is its RFC 7638 thumbprint.
            String kid = object.getHeader().getKeyID();
            Optional<JWK> published = JWKSet.parse(key.publicKeys()).getKeys().stream()
                    .filter(candidate -> kid.equals(KeyPolicy.thumbprint(candidate))).findFirst();
            if (published.isEmpty()) {
                return Optional.empty();
            }
            var verifier = KeyPolicy.verifier(published.get(), object.getHeader().getAlgorithm());
            if (verifier.isEmpty() || !object.verify(verifier.get())) {
                return Optional.empty();
            }
            return Optional.of(object.getPayload().toJSONObject());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
