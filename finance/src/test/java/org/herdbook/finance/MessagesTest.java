package org.herdbook.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.herdbook.finance.money.CurrencyMismatchException;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String BUNDLE = "org.herdbook.finance.messages";

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

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
