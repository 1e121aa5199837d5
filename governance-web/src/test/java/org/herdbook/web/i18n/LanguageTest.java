package org.herdbook.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void tagsAreMatchedWithoutCaseAndUnknownOnesAreNotGuessed() {
        assertThat(Language.ofTag("FR")).contains(Language.FRENCH);
        assertThat(Language.ofTag(" en ")).contains(Language.ENGLISH);
        assertThat(Language.ofTag("de")).isEmpty();
        assertThat(Language.ofTag(null)).isEmpty();
        assertThat(Language.ofTag("fr-CA")).as("full tags are not tags of ours").isEmpty();
    }

    @Test
    void theBrowsersFirstSpokenPreferenceWins() {
        assertThat(Language.firstSpoken(Collections.enumeration(List.of(Locale.GERMAN, Locale.CANADA_FRENCH, Locale.US))))
                .contains(Language.FRENCH);
        assertThat(Language.firstSpoken(Collections.enumeration(List.of(Locale.JAPANESE)))).isEmpty();
        assertThat(Language.firstSpoken(null)).isEmpty();
    }

    @Test
    void theSwitchRedirectKeepsTheOtherParametersAndDropsOnlyLang() {
        assertThat(LanguageFilter.addressWithoutLanguage("/sign-in.xhtml", "next=%2Fmember&lang=fr"))
                .isEqualTo("/sign-in.xhtml?next=%2Fmember");
        assertThat(LanguageFilter.addressWithoutLanguage("/", "lang=en")).isEqualTo("/");
        assertThat(LanguageFilter.addressWithoutLanguage("/", null)).isEqualTo("/");
        assertThat(LanguageFilter.addressWithoutLanguage("/p", "language=x&lang&a=1")).isEqualTo("/p?language=x&a=1");
    }
}
