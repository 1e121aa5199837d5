package org.herdbook.web.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountFormTest {

    @Test
    void aGoodApplicationHasNoProblems() {
        assertThat(new AccountForm("zoe@example.org", "Zoë <b>", "twelve chars ok", "fr").problems()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(new AccountForm("nope", "x".repeat(101), "short", "de").problems()).containsExactly(
                "validation.email.invalid", "validation.display-name.too-long", "validation.password.too-short",
                "validation.language.invalid");
        assertThat(new AccountForm(null, " ", "p".repeat(201), null).problems()).containsExactly(
                "validation.email.required", "validation.display-name.required", "validation.password.too-long");
        assertThat(AccountForm.displayNameProblems("tab\there")).containsExactly("validation.display-name.invalid");
    }
}
