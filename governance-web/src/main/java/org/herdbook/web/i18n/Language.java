package org.herdbook.web.i18n;

import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/** The languages Herdbook speaks. */
public enum Language {
    ENGLISH("en"),
    FRENCH("fr");

    public static final Language DEFAULT = ENGLISH;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language whose tag is {@code tag} ("fr", "FR"), if Herdbook speaks it. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(language -> language.tag.equalsIgnoreCase(tag.trim())).findFirst();
    }

    /** The first of the client's preferred locales that Herdbook speaks, in the client's order. */
    public static Optional<Language> firstSpoken(Enumeration<Locale> preferred) {
        while (preferred != null && preferred.hasMoreElements()) {
            Optional<Language> spoken = ofTag(preferred.nextElement().getLanguage());
            if (spoken.isPresent()) {
                return spoken;
            }
        }
        return Optional.empty();
    }
}
