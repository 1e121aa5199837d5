package org.herdbook.web.meetings.control;

import java.util.List;

/** Checks of the bilingual texts meetings are made of. */
final class Texts {

    private Texts() {
    }

    /** {@code problemKey} once when either text is missing, blank or longer than {@code max}. */
    static List<String> bilingual(String english, String french, int max, String problemKey) {
        return valid(english, max) && valid(french, max) ? List.of() : List.of(problemKey);
    }

    static boolean valid(String text, int max) {
        return text != null && !text.isBlank() && text.strip().length() <= max;
    }
}
