package org.herdbook.web.mail.control;

import java.util.Objects;
import org.herdbook.web.i18n.Language;

/** An e-mail ready to go, already in its reader's language. Fired as a CDI event; sent after commit. */
public record Letter(String to, Language language, String subject, String body) {
    public Letter {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
