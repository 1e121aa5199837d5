package org.herdbook.reports.publication.control;

import java.util.Map;
import java.util.Optional;

/** The foundation's signing key, as governance-web holds it (its public keys are at {@code GET /api/keys}). */
public interface ReportSigner {

    /** A compact JWS of {@code claims} with header {@code typ}, signed with the current key. */
    String sign(String typ, Map<String, Object> claims);

    /** The current key's id (its RFC 7638 thumbprint). */
    String keyId();

    /** The claims of a JWS whose signature checks out against one of the published keys; empty otherwise. */
    Optional<Map<String, Object>> verify(String jws);
}
