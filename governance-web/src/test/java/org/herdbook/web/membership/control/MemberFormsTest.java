package org.herdbook.web.membership.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.membership.entity.Standing;
import org.junit.jupiter.api.Test;

class MemberFormsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aRemovalNeedsAReasonAndOnlyBoardStandingsAreAccepted() {
        assertThat(MemberForms.decision("resigned", null, null, TODAY))
                .isEqualTo(new MemberForms.Decision(Standing.RESIGNED, TODAY, ""));
        assertThatThrownBy(() -> MemberForms.decision("removed", TODAY, " ", TODAY)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).messageKeys()).containsExactly("validation.reason.required"));
        assertThatThrownBy(() -> MemberForms.decision("in-grace", TODAY, "x", TODAY)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> MemberForms.decision("active", TODAY.plusYears(2), "x", TODAY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void paymentsAreCheckedForAmountCurrencyDayAndMonths() {
        MemberForms.Payment payment = MemberForms.payment(new BigDecimal("5"), "cad", TODAY, null, " receipt 12 ", TODAY);
        assertThat(payment.amount().toString()).isEqualTo("CAD 5.00");
        assertThat(payment.months()).isEqualTo(1);
        assertThat(payment.reference()).isEqualTo("receipt 12");
        assertThatThrownBy(() -> MemberForms.payment(new BigDecimal("0.001"), "CAD", TODAY, 1, "", TODAY))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> MemberForms.payment(new BigDecimal("5"), "XYZ", TODAY.plusDays(1), 25, "", TODAY))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).messageKeys()).containsExactlyInAnyOrder(
                        "validation.currency.invalid", "validation.paid-on.invalid", "validation.months.invalid"));
    }

    @Test
    void evidenceMustBeAWebAddress() {
        assertThat(MemberForms.isWebAddress("https://codeberg.org/someone/project")).isTrue();
        assertThat(MemberForms.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(MemberForms.isWebAddress("data:text/html,hi")).isFalse();
        assertThat(MemberForms.isWebAddress("https://" + "a".repeat(500) + ".org")).isFalse();
        assertThatThrownBy(() -> MemberForms.projectGrant("P", "D", "https://example.org", TODAY, TODAY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(DirectoryCsv.neutral("=1+1")).isEqualTo("'=1+1");
        assertThat(DirectoryCsv.neutral("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DirectoryCsv.neutral("-2")).isEqualTo("'-2");
        assertThat(DirectoryCsv.neutral("Zoë")).isEqualTo("Zoë");
    }
}
