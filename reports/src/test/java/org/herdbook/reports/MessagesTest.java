package org.herdbook.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String BUNDLE = "org.herdbook.reports.messages";

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

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
