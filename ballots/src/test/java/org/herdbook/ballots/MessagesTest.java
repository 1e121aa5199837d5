package org.herdbook.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.herdbook.ballots.casting.entity.Rejection;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String BUNDLE = "org.herdbook.ballots.messages";

    /** Every code the audit verifier can report. */
    private static final List<String> FINDINGS = List.of("bundle-unreadable", "manifest-invalid", "manifest-hash",
            "server-key", "ballot-order", "ballot-invalid", "ballot-id", "ballot-replayed", "ballot-sequence",
            "superseded-mark", "roll-exceeded", "tree-head-signature", "tree-head-root", "final-tree-head",
            "tally-recount", "result-signature", "result-manifest", "result-log", "result-tally");

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
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyRejectionAndFindingIsExplainedInBothLanguages() {
        for (Locale locale : List.of(Locale.ROOT, Locale.FRENCH)) {
            ResourceBundle bundle = bundle(locale);
            Stream.of(Rejection.values()).forEach(r -> assertThat(bundle.getString(r.messageKey())).isNotBlank());
            FINDINGS.forEach(code -> assertThat(bundle.getString("ballots.audit." + code)).isNotBlank());
        }
        assertThat(bundle(Locale.FRENCH).getString(Rejection.STALE_SEQUENCE.messageKey()))
                .isNotEqualTo(bundle(Locale.ROOT).getString(Rejection.STALE_SEQUENCE.messageKey()));
    }

    @Test
    void textsUseOnlyTheTypographicApostrophe() throws IOException {
        for (String file : List.of("messages.properties", "messages_fr.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as(file + " " + key).doesNotContain("'");
            }
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/herdbook/ballots/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
