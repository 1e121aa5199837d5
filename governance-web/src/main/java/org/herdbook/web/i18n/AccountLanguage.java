package org.herdbook.web.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in person's preferred language, which outranks the cookie and the browser: the
 * account's choice drives every page and e-mail. Implemented where accounts live.
 */
public interface AccountLanguage {

    /** The preferred language of whoever is signed in on this request; empty for visitors. */
    Optional<Language> preferred(HttpServletRequest request);

    /** Makes {@code language} the signed-in person's preference (the switcher was used). */
    void prefer(HttpServletRequest request, Language language);
}
