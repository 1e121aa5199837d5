package org.herdbook.finance.paypal.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herdbook.finance.testing.Fixtures.englishRow;
import static org.herdbook.finance.testing.Fixtures.englishWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.finance.paypal.entity.LineKind;
import org.herdbook.finance.paypal.entity.PaypalLine;
import org.herdbook.finance.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void readsEveryRowTypeInEnglishAndFrench(String language) {
        ActivityFile file = ActivityCsv.parse(Fixtures.bytes("activity-" + language + ".csv"));
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).isEqualTo(13);
        assertThat(file.skipped()).as("the memo row moves no money").isEqualTo(1);
        String prefix = language.toUpperCase() + "-";
        Map<String, PaypalLine> lines = file.lines().stream()
                .collect(Collectors.toMap(line -> line.transactionId().substring(3), Function.identity()));
        assertThat(lines).hasSize(12);
        assertThat(lines.get("SUB-1").kind()).isEqualTo(LineKind.SUBSCRIPTION_PAYMENT);
        assertThat(lines.get("DON-1").kind()).isEqualTo(LineKind.DONATION);
        assertThat(lines.get("WEB-1").kind()).isEqualTo(LineKind.WEBSITE_PAYMENT);
        assertThat(lines.get("GEN-1").kind()).isEqualTo(LineKind.GENERAL_PAYMENT);
        assertThat(lines.get("REF-1").kind()).isEqualTo(LineKind.REFUND);
        assertThat(lines.get("REV-1").kind()).isEqualTo(LineKind.REVERSAL);
        assertThat(lines.get("CONV-1").kind()).isEqualTo(LineKind.CURRENCY_CONVERSION);
        assertThat(lines.get("WD-1").kind()).isEqualTo(LineKind.WITHDRAWAL);
        assertThat(lines.get("HOLD-1").kind()).isEqualTo(LineKind.HOLD);
        assertThat(lines.get("REL-1").kind()).isEqualTo(LineKind.RELEASE);

        PaypalLine website = lines.get("WEB-1");
        assertThat(website.gross()).as("thousands separators, decimal point or comma").isEqualTo(Money.parse("CAD 1250.00"));
        assertThat(website.fee()).isEqualTo(Money.parse("CAD -36.55"));
        assertThat(website.net()).isEqualTo(Money.parse("CAD 1213.45"));
        assertThat(lines.get("REF-1").referenceTransactionId()).isEqualTo(prefix + "DON-1");
        assertThat(lines.get("CONV-2").net()).isEqualTo(Money.parse("USD 73.00"));
        // 3 October 2026 11:30 in Central Daylight Time (UTC-5) or Eastern (HAE, UTC-4).
        assertThat(website.occurredAt()).isEqualTo(Instant.parse(language.equals("en")
                ? "2026-10-03T16:30:00Z" : "2026-10-03T15:30:00Z"));
        assertThat(lines.get("REL-1").occurredAt()).as("the 13th shows which number is the day")
                .isEqualTo(Instant.parse(language.equals("en") ? "2026-10-14T00:00:00Z" : "2026-10-13T23:00:00Z"));
    }

    @Test
    void missingColumnsAreNamed() {
        String csv = "Date,Time,TimeZone,Name,Type,Status,Currency,Net,Transaction ID\n"
                + "10/01/2026,09:00:00,CDT,A,Donation Payment,Completed,CAD,5.00,T1\n";
        ActivityFile file = ActivityCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.acceptable()).isFalse();
        assertThat(file.lines()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("missing-columns");
            assertThat(problem.arguments().get(0)).contains("Gross / Brut", "Fee / Frais");
        });
    }

    @Test
    void unknownTypesAndStatusesRejectTheWholeFileWithEveryLine() {
        ActivityFile file = ActivityCsv.parse(englishWith(
                englishRow("10/01/2026", "Donation Payment", "Completed", "CAD", "5.00", "-0.20", "4.80", "OK-1", ""),
                englishRow("10/02/2026", "Crypto Purchase", "Completed", "CAD", "5.00", "0.00", "5.00", "BAD-1", ""),
                englishRow("10/03/2026", "Donation Payment", "Frozen", "CAD", "5.00", "0.00", "5.00", "BAD-2", "")));
        assertThat(file.lines()).isEmpty();
        assertThat(file.problems()).extracting(ImportProblem::line, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "unknown-type"), org.assertj.core.groups.Tuple.tuple(4, "unknown-status"));
        assertThat(file.problems().get(0).arguments()).containsExactly("Crypto Purchase");
    }

    @Test
    void brokenQuotingIsReportedWithItsLine() {
        byte[] content = englishWith(
                englishRow("10/01/2026", "Donation Payment", "Completed", "CAD", "5.00", "-0.20", "4.80", "OK-1", ""),
                "\"10/02/2026\",\"12:00:00\",\"CDT\",\"Some \"body\" here\",\"Donation Payment\"");
        ActivityFile file = ActivityCsv.parse(content);
        assertThat(file.lines()).isEmpty();
        assertThat(file.problems()).extracting(ImportProblem::code).containsExactly("broken-quoting");
        assertThat(file.problems().get(0).line()).isEqualTo(3);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsAWrongEncoding() {
        String french = Fixtures.text("activity-fr.csv");
        ActivityFile file = ActivityCsv.parse(french.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(file.lines()).isEmpty();
        assertThat(file.problems()).extracting(ImportProblem::code).containsExactly("encoding");
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() {
        byte[] content = Fixtures.text("activity-fr.csv").getBytes(StandardCharsets.UTF_16);
        assertThat(ActivityCsv.parse(content).lines()).hasSize(12);
    }

    @Test
    void semicolonSeparatedFrenchFilesAreRead() {
        String semicolons = "Date;Heure;Fuseau horaire;Nom;Type;État;Devise;Brut;Frais;Net;Numéro de transaction\n"
                + "01/10/2026;09:00:00;Europe/Paris;A;Paiement de don;Terminé;EUR;1\u202f000,50;-30,00;970,50;S1\n";
        ActivityFile file = ActivityCsv.parse(semicolons.getBytes(StandardCharsets.UTF_8));
        assertThat(file.problems()).isEmpty();
        assertThat(file.lines()).singleElement().satisfies(line -> {
            assertThat(line.gross()).isEqualTo(Money.parse("EUR 1000.50"));
            assertThat(line.occurredAt()).isEqualTo(Instant.parse("2026-10-01T07:00:00Z"));
        });
    }

    @Test
    void badAmountsDatesZonesAndArithmeticAreEachExplained() {
        ActivityFile file = ActivityCsv.parse(englishWith(
                englishRow("10/01/2026", "Donation Payment", "Completed", "CAD", "five", "0.00", "5.00", "A", ""),
                englishRow("2026-13-45", "Donation Payment", "Completed", "CAD", "5.00", "0.00", "5.00", "B", ""),
                englishRow("10/03/2026", "Donation Payment", "Completed", "CAD", "5.00", "-0.30", "5.00", "C", ""),
                englishRow("10/04/2026", "Donation Payment", "Completed", "XYZ", "5.00", "0.00", "5.00", "D", ""),
                englishRow("10/05/2026", "Donation Payment", "Completed", "CAD", "5.00", "0.00", "5.00", "", "")));
        assertThat(file.problems()).extracting(ImportProblem::code)
                .containsExactlyInAnyOrder("bad-amount", "bad-date", "net-mismatch", "unknown-currency",
                        "missing-transaction-id");
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRefused() {
        assertThat(ActivityCsv.parse(new byte[0]).problems()).extracting(ImportProblem::code).containsExactly("empty");
        assertThat(ActivityCsv.parse(englishWith()).problems()).extracting(ImportProblem::code).contains("no-rows");
    }

    @Test
    void amountsAreReadWithTheirLanguagesGroupingAndAnythingElseIsRefused() {
        assertThat(ActivityCsv.decimal(" 1,234.56 ", false)).isEqualByComparingTo("1234.56");
        assertThat(ActivityCsv.decimal("-1,250.00", false)).isEqualByComparingTo("-1250.00");
        assertThat(ActivityCsv.decimal("+3", false)).isEqualByComparingTo("3");
        assertThat(ActivityCsv.decimal("1 234,56", true)).isEqualByComparingTo("1234.56");
        assertThat(ActivityCsv.decimal("-1\u00a0234,5", true)).isEqualByComparingTo("-1234.5");
        assertThat(ActivityCsv.decimal("1\u202f234", true)).isEqualByComparingTo("1234");
        assertThat(ActivityCsv.decimal("1.234,56", true)).as("a point groups thousands in French").isEqualByComparingTo("1234.56");
        assertThat(ActivityCsv.decimal("0.59", false).scale()).as("the scale is kept").isEqualTo(2);
        assertThat(ActivityCsv.decimal("", false)).isZero();
        assertThat(ActivityCsv.decimal("  ", true)).isZero();
        for (String bad : new String[] {"five", "1.2.3", "1.", ".5", "-", "+", "1e5", "12-", "1-2", "--1", "1\t2", "\u0661"}) {
            assertThatThrownBy(() -> ActivityCsv.decimal(bad, false)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ActivityCsv.decimal("1,2,3", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
