package org.herdbook.reports;

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

    private static final String BUNDLE = "org.herdbook.reports.messages";

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(french.stringPropertyNames());
    }

    @Test
    void namesTheModuleInEachLanguage() {
        assertThat(bundle(Locale.ROOT).getString("reports.name")).isEqualTo("Monthly reports");
        assertThat(bundle(Locale.FRENCH).getString("reports.name")).isEqualTo("Rapports mensuels");
        assertThat(bundle(Locale.CANADA_FRENCH).getString("reports.name")).isEqualTo("Rapports mensuels");
    }

    @Test
    void frenchIsReadAsUtf8() {
        String text = MessageFormat.format(bundle(Locale.FRENCH).getString("reports.period.invalidMonth"), "2026-13");
        assertThat(text).isEqualTo("« 2026-13 » n’est pas un mois. Écrivez-le sous la forme AAAA-MM, par exemple 2026-03.");
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
