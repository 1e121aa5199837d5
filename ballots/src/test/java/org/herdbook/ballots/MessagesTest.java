package org.herdbook.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String BUNDLE = "org.herdbook.ballots.messages";

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(french.stringPropertyNames());
    }

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

    @Test
    void everyPatternFormatsWithoutLosingTextToQuoting() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_fr.properties"}) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                assertThat(pattern).as(file + " " + key).doesNotContain("'").isNotBlank();
                assertThat(MessageFormat.format(pattern, "A", "B")).as(file + " " + key).doesNotContain("{");
            }
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
