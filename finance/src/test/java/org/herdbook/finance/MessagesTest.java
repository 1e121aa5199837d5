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

    @Test
    void everyRefusalAndImportProblemTheCodeNamesHasATextInBothLanguages() throws java.io.IOException {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        java.util.regex.Pattern messageKey = java.util.regex.Pattern.compile("\"(finance\\.[a-zA-Z]+\\.[a-zA-Z]+)\"");
        java.util.regex.Pattern problemCode = java.util.regex.Pattern.compile("of(?:File|Line)\\([^\"]*\"([a-z-]+)\"");
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = java.nio.file.Files.readString(source);
                messageKey.matcher(code).results().map(match -> match.group(1)).forEach(keys::add);
                problemCode.matcher(code).results().map(match -> "finance.import.problem." + match.group(1)).forEach(keys::add);
            }
        }
        assertThat(keys).hasSizeGreaterThan(50);
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.FRENCH}) {
            assertThat(keys).allSatisfy(key -> assertThat(bundle(locale).containsKey(key)).as(locale + " " + key).isTrue());
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
