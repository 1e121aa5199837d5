package org.herdbook.ballots.manifest.entity;

import java.util.Objects;

/**
 * A text shown to members in each of Herdbook's languages.
 *
 * @param en the English text, not blank
 * @param fr the French text, not blank
 */
public record LocalizedText(String en, String fr) {

    public LocalizedText {
        if (Objects.requireNonNull(en, "en must not be null").isBlank()
                || Objects.requireNonNull(fr, "fr must not be null").isBlank()) {
            throw new IllegalArgumentException("Both the English and the French text are required");
        }
    }
}
