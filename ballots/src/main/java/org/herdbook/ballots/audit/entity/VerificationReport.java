package org.herdbook.ballots.audit.entity;

import java.util.List;
import java.util.Map;

/**
 * What the audit verifier found in a bundle.
 *
 * @param ballot the ballot's URI as the bundle states it (null if unreadable)
 * @param ballots the number of ballots in the log
 * @param counted the number of ballots that count (not superseded)
 * @param recount the tally recomputed from the ballots (null if the bundle could not be read)
 * @param findings every mismatch found; empty when the bundle verifies
 */
public record VerificationReport(String ballot, long ballots, long counted, Map<String, Object> recount,
        List<Finding> findings) {

    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** @return whether the bundle verifies: no finding at all */
    public boolean isValid() {
        return findings.isEmpty();
    }
}
