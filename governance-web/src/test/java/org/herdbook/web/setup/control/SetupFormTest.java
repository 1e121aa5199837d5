package org.herdbook.web.setup.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetupFormTest {

    private static final String GOOD_PASSWORD = "twelve chars";

    @Test
    void aCompleteFormHasNoProblems() {
        assertThat(form("ada@example.org", GOOD_PASSWORD, GOOD_PASSWORD, "Fondation Éole", "CAD", "America/Toronto")
                .problems()).isEmpty();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThat(form("no-at-sign", "short", "short", "  ", "cad", "Mars/Base").problems()).containsExactly(
                "validation.email.invalid", "validation.password.too-short", "setup.foundation-name.invalid",
                "setup.currency.invalid", "setup.time-zone.invalid");
    }

    @Test
    void passwordsMustMatchAndStayWithinBounds() {
        assertThat(form("a@b.org", GOOD_PASSWORD, GOOD_PASSWORD + "!", "F", "EUR", "UTC").problems())
                .containsExactly("setup.password.mismatch");
        String tooLong = "x".repeat(201);
        assertThat(form("a@b.org", tooLong, tooLong, "F", "EUR", "UTC").problems())
                .containsExactly("validation.password.too-long");
        assertThat(form("a@b.org", "x".repeat(12), "x".repeat(12), "F", "EUR", "UTC").problems()).isEmpty();
        assertThat(form("a@b.org", "x".repeat(11), "x".repeat(11), "F", "EUR", "UTC").problems())
                .containsExactly("validation.password.too-short");
    }

    @Test
    void currenciesAndZonesMustBeRealOnes() {
        assertThat(SetupForm.isCurrency("JPY")).isTrue();
        assertThat(SetupForm.isCurrency("ZZZ")).isFalse();
        assertThat(SetupForm.isCurrency(null)).isFalse();
        assertThat(SetupForm.isTimeZone("Pacific/Apia")).isTrue();
        assertThat(SetupForm.isTimeZone("+05:00")).as("offsets are not the foundation's zone").isFalse();
        assertThat(SetupForm.isTimeZone("../../etc/passwd")).isFalse();
    }

    @Test
    void nullFieldsAreProblemsNotCrashes() {
        assertThat(new SetupForm(null, null, null, null, null, null, null).problems()).hasSize(6);
    }

    private static SetupForm form(String email, String password, String again, String name, String currency, String zone) {
        return new SetupForm(email, "Ada", password, again, name, currency, zone);
    }
}
