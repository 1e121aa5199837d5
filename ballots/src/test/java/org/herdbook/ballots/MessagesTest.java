package org.herdbook.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String BUNDLE = "org.herdbook.ballots.messages";

    @Test
    void namesTheModuleInEachLanguage() {
        assertThat(bundle(Locale.ROOT).getString("ballots.name")).isEqualTo("Ballots");
        assertThat(bundle(Locale.FRENCH).getString("ballots.name")).isEqualTo("Scrutins");
        assertThat(bundle(Locale.CANADA_FRENCH).getString("ballots.name")).isEqualTo("Scrutins");
    }

    @Test
    void frenchIsReadAsUtf8() {
        String text = MessageFormat.format(bundle(Locale.FRENCH).getString("ballots.log.noSuchEntry"), 12, 7);
        assertThat(text).isEqualTo("Le journal des bulletins n’a pas d’entrée 12 : il en compte 7.");
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
