package org.herdbook.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency CAD = Currency.getInstance("CAD");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");
    private static final Currency XXX = Currency.getInstance("XXX");

    private static final Money CAD_0_00 = Money.parse("CAD 0.00");
    private static final Money CAD_1_50 = Money.parse("CAD 1.50");
    private static final Money CAD_2_34 = Money.parse("CAD 2.34");
    private static final Money CAD_2_35 = Money.parse("CAD 2.35");
    private static final Money CAD_5_78 = Money.parse("CAD 5.78");
    private static final Money CAD_M1_23 = Money.parse("CAD -1.23");
    private static final Money CAD_M2_34 = Money.parse("CAD -2.34");
    private static final Money USD_2_34 = Money.parse("USD 2.34");
    private static final Money JPY_423 = Money.parse("JPY 423");
    private static final Money BHD_1_234 = Money.parse("BHD 1.234");

    @Nested
    class Creating {

        @Test
        void scalesTheAmountToTheCurrencysFractionDigits() {
            // BigDecimal.equals compares scale too, so these pin the scale as well as the value.
            assertThat(Money.of("1.5", CAD).getAmount()).isEqualTo(new BigDecimal("1.50"));
            assertThat(Money.of("12", JPY).getAmount()).isEqualTo(new BigDecimal("12"));
            assertThat(Money.of("1.2", BHD).getAmount()).isEqualTo(new BigDecimal("1.200"));
            assertThat(Money.of(new BigDecimal("1E+3"), CAD).toString()).isEqualTo("CAD 1000.00");
        }

        @Test
        void acceptsTrailingZerosBeyondTheCurrencysScale() {
            assertThat(Money.of("2.340", CAD)).isEqualTo(CAD_2_34);
            assertThat(Money.of("423.000", JPY)).isEqualTo(JPY_423);
            assertThat(Money.of(new BigDecimal("1.2340"), BHD)).isEqualTo(BHD_1_234);
        }

        @ParameterizedTest
        @CsvSource({"CAD, 2.345", "CAD, 0.001", "JPY, 423.5", "JPY, 0.1", "BHD, 1.2345", "USD, -0.005"})
        void refusesAmountsThatWouldNeedRounding(String code, String amount) {
            Currency currency = Currency.getInstance(code);
            assertThatThrownBy(() -> Money.of(amount, currency))
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining(code)
                    .hasMessageContaining(amount)
                    .hasMessageContaining(currency.getDefaultFractionDigits() + " decimal places");
            assertThatThrownBy(() -> Money.of(new BigDecimal(amount), currency))
                    .isInstanceOf(ArithmeticException.class);
        }

        @ParameterizedTest
        @CsvSource({
            "2.345, HALF_EVEN, CAD 2.34",
            "2.345, HALF_UP, CAD 2.35",
            "2.341, CEILING, CAD 2.35",
            "-2.345, HALF_UP, CAD -2.35",
            "-2.349, DOWN, CAD -2.34",
            "2.34, UNNECESSARY, CAD 2.34"
        })
        void roundsOnlyWhenAskedTo(String amount, RoundingMode rounding, String expected) {
            assertThat(Money.ofRounded(new BigDecimal(amount), CAD, rounding)).hasToString(expected);
        }

        @Test
        void roundsToTheScaleOfCurrenciesWithoutOrWithThreeDecimals() {
            assertThat(Money.ofRounded(new BigDecimal("2.5"), JPY, RoundingMode.HALF_EVEN)).hasToString("JPY 2");
            assertThat(Money.ofRounded(new BigDecimal("3.5"), JPY, RoundingMode.HALF_EVEN)).hasToString("JPY 4");
            assertThat(Money.ofRounded(new BigDecimal("1.2345"), BHD, RoundingMode.HALF_UP)).hasToString("BHD 1.235");
        }

        @Test
        void unnecessaryRoundingOfAnAmountThatNeedsItFails() {
            assertThatThrownBy(() -> Money.ofRounded(new BigDecimal("2.345"), CAD, RoundingMode.UNNECESSARY))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void zeroHasTheCurrencysScale() {
            assertThat(Money.zero(CAD)).hasToString("CAD 0.00").isEqualTo(CAD_0_00);
            assertThat(Money.zero(JPY)).hasToString("JPY 0");
            assertThat(Money.zero(BHD)).hasToString("BHD 0.000");
        }

        @Test
        void refusesCurrenciesWithoutFixedDecimals() {
            assertThat(XXX.getDefaultFractionDigits()).isNegative();
            assertThatThrownBy(() -> Money.zero(XXX))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("XXX");
            assertThatThrownBy(() -> Money.of("1", XXX)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Money.parse("XAU 1")).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "1,50", "1.", ".5", "+1.50", "1e3", "1E+3", "- 1", "1 000", "NaN", "0x10", " 1.50", "1.50 ", "١٢"})
        void refusesTextThatIsNotAPlainDecimal(String amount) {
            assertThatThrownBy(() -> Money.of(amount, CAD))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + amount + "\"");
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @CsvSource({
            "CAD 12.34, 12.34, CAD",
            "CAD -12.34, -12.34, CAD",
            "CAD 5, 5.00, CAD",
            "JPY 423, 423, JPY",
            "BHD 0.001, 0.001, BHD",
            "USD -0.00, 0.00, USD"
        })
        void readsCodeAndAmount(String text, BigDecimal amount, String code) {
            Money money = Money.parse(text);
            assertThat(money.getCurrency()).isEqualTo(Currency.getInstance(code));
            assertThat(money.getAmount()).isEqualTo(amount);
        }

        @Test
        void readsBackWhatToStringWrites() {
            for (Money money : new Money[] {CAD_0_00, CAD_2_34, CAD_M1_23, USD_2_34, JPY_423, BHD_1_234}) {
                assertThat(Money.parse(money.toString())).isEqualTo(money);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "CAD", "CAD ", "12.34", "CAD12.34", "cad 12.34", "CAD  12.34", " CAD 12.34",
            "CAD 12.34 ", "12.34 CAD", "CA 1.00", "CADX 1.00", "CAD 12,34", "CAD 1e3", "CAD +1.00", "CAD\t1.00"})
        void refusesTextNotInTheWrittenForm(String text) {
            assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void namesAnUnknownCurrencyCode() {
            assertThatThrownBy(() -> Money.parse("ZZZ 1.00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ZZZ");
        }

        @Test
        void refusesTooManyDecimalsRatherThanRounding() {
            assertThatThrownBy(() -> Money.parse("CAD 12.345")).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.parse("JPY 1.5")).isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void addsAndSubtractsInTheSameCurrency() {
            assertThat(CAD_2_34.plus(CAD_1_50)).hasToString("CAD 3.84");
            assertThat(CAD_2_34.plus(CAD_M1_23)).hasToString("CAD 1.11");
            assertThat(CAD_2_34.minus(CAD_5_78)).hasToString("CAD -3.44");
            assertThat(CAD_5_78.minus(CAD_5_78)).isEqualTo(CAD_0_00);
            assertThat(JPY_423.plus(JPY_423)).hasToString("JPY 846");
            assertThat(BHD_1_234.minus(Money.parse("BHD 0.235"))).hasToString("BHD 0.999");
        }

        @Test
        void zeroIsNeutral() {
            assertThat(CAD_2_34.plus(CAD_0_00)).isEqualTo(CAD_2_34);
            assertThat(CAD_2_34.minus(CAD_0_00)).isEqualTo(CAD_2_34);
        }

        @Test
        void leavesOperandsUnchanged() {
            CAD_2_34.plus(CAD_5_78);
            CAD_2_34.negate();
            CAD_2_34.multipliedBy(BigDecimal.TEN, RoundingMode.UNNECESSARY);
            assertThat(CAD_2_34).hasToString("CAD 2.34");
            assertThat(CAD_5_78).hasToString("CAD 5.78");
        }

        @Test
        void negates() {
            assertThat(CAD_2_34.negate()).isEqualTo(CAD_M2_34);
            assertThat(CAD_M2_34.negate()).isEqualTo(CAD_2_34);
            assertThat(CAD_0_00.negate()).isEqualTo(CAD_0_00).hasToString("CAD 0.00");
        }

        @Test
        void refusesToMixCurrencies() {
            assertThatThrownBy(() -> CAD_2_34.plus(USD_2_34))
                    .isInstanceOfSatisfying(CurrencyMismatchException.class, mismatch -> {
                        assertThat(mismatch.first()).isEqualTo(CAD);
                        assertThat(mismatch.second()).isEqualTo(USD);
                    })
                    .hasMessageContaining("CAD")
                    .hasMessageContaining("USD");
            assertThatThrownBy(() -> USD_2_34.minus(CAD_2_34))
                    .isInstanceOfSatisfying(CurrencyMismatchException.class,
                            mismatch -> assertThat(mismatch.first()).isEqualTo(USD));
            assertThatThrownBy(() -> CAD_0_00.plus(Money.zero(JPY))).isInstanceOf(CurrencyMismatchException.class);
        }

        @ParameterizedTest
        @CsvSource({
            "CAD 10.00, 0.029, HALF_EVEN, CAD 0.29",
            "CAD 2.35, 0.5, HALF_EVEN, CAD 1.18",
            "CAD 2.25, 0.5, HALF_EVEN, CAD 1.12",
            "CAD 2.35, 0.5, HALF_DOWN, CAD 1.17",
            "CAD -2.35, 0.5, HALF_UP, CAD -1.18",
            "CAD 2.34, -1, UNNECESSARY, CAD -2.34",
            "CAD 2.34, 0, UNNECESSARY, CAD 0.00",
            "JPY 423, 1.5, HALF_EVEN, JPY 634",
            "JPY 423, 1.5, HALF_UP, JPY 635",
            "BHD 1.000, 0.3333333, HALF_UP, BHD 0.333",
            "USD 100.00, 1.3712, HALF_EVEN, USD 137.12"
        })
        void multipliesRoundingAsTold(String money, BigDecimal factor, RoundingMode rounding, String expected) {
            assertThat(Money.parse(money).multipliedBy(factor, rounding)).hasToString(expected);
        }

        @Test
        void multiplyingWithUnnecessaryRoundingFailsWhenRoundingIsNeeded() {
            assertThatThrownBy(() -> CAD_2_35.multipliedBy(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    class SignAndOrder {

        @Test
        void tellsTheSign() {
            assertThat(CAD_0_00.isZero()).isTrue();
            assertThat(CAD_0_00.isPositive()).isFalse();
            assertThat(CAD_0_00.isNegative()).isFalse();
            assertThat(CAD_2_34.isPositive()).isTrue();
            assertThat(CAD_2_34.isZero()).isFalse();
            assertThat(CAD_2_34.isNegative()).isFalse();
            assertThat(CAD_M1_23.isNegative()).isTrue();
            assertThat(CAD_M1_23.isZero()).isFalse();
            assertThat(CAD_M1_23.isPositive()).isFalse();
            assertThat(Money.parse("BHD 0.001").isPositive()).isTrue();
        }

        @Test
        void comparesByValueWithinACurrency() {
            assertThat(CAD_2_34.compareTo(CAD_5_78)).isNegative();
            assertThat(CAD_5_78.compareTo(CAD_2_34)).isPositive();
            assertThat(CAD_M2_34.compareTo(CAD_M1_23)).isNegative();
            assertThat(Money.of("1.5", CAD).compareTo(CAD_1_50)).isZero();
            assertThat(CAD_2_34).isLessThan(CAD_2_35).isGreaterThan(CAD_0_00);
        }

        @Test
        void refusesToCompareAcrossCurrencies() {
            assertThatThrownBy(() -> CAD_2_34.compareTo(USD_2_34))
                    .isInstanceOf(IllegalArgumentException.class)
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessageContaining("CAD")
                    .hasMessageContaining("USD")
                    .hasMessageContaining("compared");
        }
    }

    @Nested
    class Equality {

        @Test
        void equalValuesInTheSameCurrencyAreEqualWhateverTheirWrittenScale() {
            Money fromShort = Money.of(new BigDecimal("1.5"), CAD);
            Money fromLong = Money.of(new BigDecimal("1.500"), CAD);
            assertThat(fromShort).isEqualTo(CAD_1_50).isEqualTo(fromLong);
            assertThat(fromShort.hashCode()).isEqualTo(CAD_1_50.hashCode()).isEqualTo(fromLong.hashCode());
            assertThat(Money.of("0", CAD)).isEqualTo(CAD_0_00).hasSameHashCodeAs(CAD_0_00);
        }

        @Test
        void differentCurrenciesOrValuesAreNotEqual() {
            assertThat(CAD_2_34).isNotEqualTo(USD_2_34);
            assertThat(CAD_2_34).isNotEqualTo(CAD_2_35);
            assertThat(Money.zero(JPY)).isNotEqualTo(CAD_0_00);
            assertThat(CAD_2_34).isNotEqualTo(null);
            assertThat((Object) CAD_2_34).isNotEqualTo("CAD 2.34");
            assertThat((Object) CAD_2_34).isNotEqualTo(new BigDecimal("2.34"));
        }

        @Test
        void writesCodeThenPlainAmount() {
            assertThat(CAD_2_34).hasToString("CAD 2.34");
            assertThat(CAD_M1_23).hasToString("CAD -1.23");
            assertThat(JPY_423).hasToString("JPY 423");
            assertThat(BHD_1_234).hasToString("BHD 1.234");
            assertThat(Money.of("10000000000000000000000.1", CAD)).hasToString("CAD 10000000000000000000000.10");
        }
    }

    @Nested
    class Nulls {

        @Test
        void areRefusedNamingTheParameter() {
            assertNullNamed(() -> Money.of((BigDecimal) null, CAD), "amount");
            assertNullNamed(() -> Money.of((String) null, CAD), "amount");
            assertNullNamed(() -> Money.of(BigDecimal.ONE, null), "currency");
            assertNullNamed(() -> Money.of("1", null), "currency");
            assertNullNamed(() -> Money.ofRounded(null, CAD, RoundingMode.HALF_UP), "amount");
            assertNullNamed(() -> Money.ofRounded(BigDecimal.ONE, null, RoundingMode.HALF_UP), "currency");
            assertNullNamed(() -> Money.ofRounded(BigDecimal.ONE, CAD, null), "rounding");
            assertNullNamed(() -> Money.parse(null), "text");
            assertNullNamed(() -> Money.zero(null), "currency");
            assertNullNamed(() -> CAD_2_34.plus(null), "other");
            assertNullNamed(() -> CAD_2_34.minus(null), "other");
            assertNullNamed(() -> CAD_2_34.compareTo(null), "other");
            assertNullNamed(() -> CAD_2_34.multipliedBy(null, RoundingMode.HALF_UP), "factor");
            assertNullNamed(() -> CAD_2_34.multipliedBy(BigDecimal.ONE, null), "rounding");
        }

        private void assertNullNamed(Runnable call, String parameter) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage(parameter + " must not be null");
        }
    }
}
