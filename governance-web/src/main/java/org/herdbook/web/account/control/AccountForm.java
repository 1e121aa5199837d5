package org.herdbook.web.account.control;

import java.util.ArrayList;
import java.util.List;
import org.herdbook.web.i18n.Language;

/**
 * What a person gives to open an account: checked here once for the sign-up page, the sign-up
 * API and accounts an administrator creates. Problems are message keys.
 */
public record AccountForm(String email, String displayName, String password, String language) {

    public static final int DISPLAY_NAME_MAXIMUM = 100;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (email == null || email.isBlank()) {
            problems.add("validation.email.required");
        } else if (!Accounts.isPlausibleEmail(email)) {
            problems.add("validation.email.invalid");
        }
        problems.addAll(displayNameProblems(displayName));
        String weakness = PasswordHashing.weaknessOf(password);
        if (weakness != null) {
            problems.add("validation." + weakness);
        }
        if (language != null && !language.isBlank() && Language.ofTag(language).isEmpty()) {
            problems.add("validation.language.invalid");
        }
        return problems;
    }

    public static List<String> displayNameProblems(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return List.of("validation.display-name.required");
        }
        if (displayName.strip().length() > DISPLAY_NAME_MAXIMUM) {
            return List.of("validation.display-name.too-long");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            return List.of("validation.display-name.invalid");
        }
        return List.of();
    }

    /** The chosen language, or {@code fallback} when none was given. */
    public Language languageOr(Language fallback) {
        return Language.ofTag(language).orElse(fallback);
    }
}
