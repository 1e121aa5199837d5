package org.herdbook.web.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;

/**
 * Writes e-mails from the {@code mail.<kind>.subject} and {@code mail.<kind>.body} messages in
 * the account's preferred language, and posts them to go after the current transaction commits.
 * The first argument of every message is the foundation's name.
 */
@ApplicationScoped
public class Letters {

    @Inject
    Messages messages;
    @Inject
    Event<Letter> outbox;
    @Inject
    FoundationProfile foundation;

    /** @return the letter, as it will be sent after commit */
    public Letter post(Account to, String kind, Object... arguments) {
        Language language = to.getPreferredLanguage();
        Object[] all = new Object[arguments.length + 2];
        all[0] = foundation.current().map(Foundation::getName).orElseGet(() -> messages.get(language, "app.name"));
        all[1] = to.getDisplayName();
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        Letter letter = new Letter(to.getEmail(), language, messages.get(language, "mail." + kind + ".subject", all),
                messages.get(language, "mail." + kind + ".body", all));
        outbox.fire(letter);
        return letter;
    }
}
