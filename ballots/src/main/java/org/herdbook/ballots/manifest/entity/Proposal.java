package org.herdbook.ballots.manifest.entity;

import java.util.Objects;

/**
 * What members are asked: a title and a text in each language.
 *
 * @param title the short title, not null
 * @param text the full text of the proposal or the election notice, not null
 */
public record Proposal(LocalizedText title, LocalizedText text) {

    public Proposal {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}
