package org.herdbook.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message exists in English and French. Covers this module's bundles and, through the
 * classpath, those of the modules it depends on.
 */
class BundleParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"org/herdbook/web/messages", "ValidationMessages", "org/herdbook/finance/messages",
            "org/herdbook/ballots/messages", "org/herdbook/reports/messages"})
    void everyKeyExistsInBothLanguagesAndNoneIsBlank(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties french = load(bundle + "_fr.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(french.stringPropertyNames());
        Set<String> onlyFrench = new TreeSet<>(french.stringPropertyNames());
        onlyFrench.removeAll(english.stringPropertyNames());
        assertThat(onlyEnglish).as(bundle + ": keys missing in French").isEmpty();
        assertThat(onlyFrench).as(bundle + ": keys missing in English").isEmpty();
        assertThat(english.stringPropertyNames()).isNotEmpty()
                .allSatisfy(key -> assertThat(english.getProperty(key)).as(key).isNotBlank())
                .allSatisfy(key -> assertThat(french.getProperty(key)).as(key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"org/herdbook/web/messages", "ValidationMessages", "org/herdbook/finance/messages",
            "org/herdbook/ballots/messages", "org/herdbook/reports/messages"})
    void noMessageUsesAStraightApostropheThatMessageFormatWouldSwallow(String bundle) throws IOException {
        for (String file : List.of(bundle + ".properties", bundle + "_fr.properties")) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames()).allSatisfy(
                    key -> assertThat(messages.getProperty(key)).as(file + " " + key).doesNotContain("'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"org/herdbook/web/messages", "ValidationMessages"})
    void frenchIsActuallyTranslated(String bundle) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties french = load(bundle + "_fr.properties");
        List<String> identical = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(french.getProperty(key))).sorted().toList();
        // Only proper names and words French shares with English may read the same in both languages.
        assertThat(identical).isSubsetOf("app.name", "nav.admin", "admin.title", "membership.none",
                "membership.reason", "board.members.total", "board.member.contribution", "meetings.abstentions",
                "meetings.documents", "report.page.version");
    }

    private static Properties load(String resource) throws IOException {
        List<URL> found = Collections.list(BundleParityTest.class.getClassLoader().getResources(resource));
        assertThat(found).as(resource + " on the classpath").hasSize(1);
        Properties properties = new Properties();
        try (InputStream in = found.get(0).openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
