package org.herdbook.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.herdbook.finance.money.CurrencyMismatchException;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String BUNDLE = "org.herdbook.finance.messages";

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(french.stringPropertyNames());
    }

    @Test
    void namesTheModuleInEachLanguage() {
        assertThat(bundle(Locale.ROOT).getString("finance.name")).isEqualTo("Finance");
        assertThat(bundle(Locale.FRENCH).getString("finance.name")).isEqualTo("Finances");
        assertThat(bundle(Locale.CANADA_FRENCH).getString("finance.name")).isEqualTo("Finances");
    }

    @Test
    void frenchIsReadAsUtf8() {
        String text = MessageFormat.format(
                bundle(Locale.FRENCH).getString("finance.money.notAnAmount"), "douze");
        assertThat(text).startsWith("« douze » n’est pas un montant").contains("Écrivez");
    }

    @Test
    void theCurrencyMismatchHasATextInEachLanguage() {
        assertThat(MessageFormat.format(bundle(Locale.ROOT).getString(CurrencyMismatchException.MESSAGE_KEY), "CAD", "USD"))
                .isEqualTo("Amounts in CAD and USD cannot be added or compared. Convert one of them first.");
        assertThat(MessageFormat.format(bundle(Locale.FRENCH).getString(CurrencyMismatchException.MESSAGE_KEY), "CAD", "USD"))
                .startsWith("Des montants en CAD et en USD ne peuvent");
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
