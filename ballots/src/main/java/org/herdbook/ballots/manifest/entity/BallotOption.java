package org.herdbook.ballots.manifest.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option on a ballot: an answer, a policy variant or a candidate.
 *
 * @param id the identifier voters' choices name: 1 to 64 characters of lower-case ASCII letters,
 *     digits and hyphens, starting with a letter or digit; stable for the life of the ballot
 * @param label what members read, not null
 */
public record BallotOption(String id, LocalizedText label) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public BallotOption {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(label, "label must not be null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Option ids are 1 to 64 of a-z, 0-9 and '-', not " + id);
        }
    }
}
