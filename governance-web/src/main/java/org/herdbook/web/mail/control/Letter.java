package org.herdbook.web.mail.control;

import java.util.List;
import java.util.Objects;
import org.herdbook.web.i18n.Language;

/**
 * An e-mail ready to go, already in its reader's language, with its attachments (none for most).
 * Fired as a CDI event; sent after commit.
 */
public record Letter(String to, Language language, String subject, String body, List<Attachment> attachments) {

    /** A file sent with a letter. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    public Letter {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
    }

    public Letter(String to, Language language, String subject, String body) {
        this(to, language, subject, body, List.of());
    }
}
