package org.herdbook.web.demo.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Role;
import org.herdbook.web.i18n.Language;
import org.junit.jupiter.api.Test;

class DemoFoundationTest {

    private final DemoFoundation.Description demo = DemoFoundation.read();

    @Test
    void theDemoFoundationHasRealSettings() {
        assertThat(demo.name()).isNotBlank();
        assertThat(Currency.getInstance(demo.currency()).getCurrencyCode()).isEqualTo("CAD");
        assertThat(ZoneId.of(demo.timeZone())).isNotNull();
    }

    @Test
    void everyDemoPersonCanBeCreatedAndNoneCanReceiveMail() {
        assertThat(demo.people()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(person -> {
            assertThat(Accounts.isPlausibleEmail(person.email())).as(person.email()).isTrue();
            assertThat(person.email()).as("the .invalid domain never delivers mail").endsWith(".invalid");
            assertThat(Language.ofTag(person.language())).as(person.email()).isPresent();
            assertThat(person.roles()).isNotEmpty().allSatisfy(role -> Role.valueOf(role.toUpperCase(Locale.ROOT)));
        });
    }

    @Test
    void theDemoHasSomeoneForEachRoleAndSpeaksBothLanguages() {
        assertThat(demo.people().stream().flatMap(person -> person.roles().stream()))
                .contains("admin", "treasurer", "secretary", "board", "member");
        assertThat(demo.people().stream().map(DemoFoundation.Person::language)).contains("en", "fr");
    }
}
