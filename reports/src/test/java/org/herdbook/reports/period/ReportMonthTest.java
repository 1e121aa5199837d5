package org.herdbook.reports.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportMonthTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId APIA = ZoneId.of("Pacific/Apia");
    private static final ZoneId ASUNCION = ZoneId.of("America/Asuncion");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final List<ZoneId> ZONES = List.of(TORONTO, KOLKATA, APIA, ASUNCION, UTC,
            ZoneId.of("Europe/Paris"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"));

    private static final ReportMonth TORONTO_2026_03 = new ReportMonth(YearMonth.of(2026, 3), TORONTO);
    private static final ReportMonth TORONTO_2026_11 = new ReportMonth(YearMonth.of(2026, 11), TORONTO);

    @Nested
    class Span {

        @Test
        void torontoMarchLosesAnHourToDaylightSavingTime() {
            assertThat(TORONTO_2026_03.startInclusive()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
            assertThat(TORONTO_2026_03.endExclusive()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
            assertThat(length(TORONTO_2026_03)).isEqualTo(Duration.ofDays(31).minusHours(1));
        }

        @Test
        void torontoNovemberGainsAnHourWhenDaylightSavingTimeEnds() {
            assertThat(TORONTO_2026_11.startInclusive()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
            assertThat(TORONTO_2026_11.endExclusive()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
            assertThat(length(TORONTO_2026_11)).isEqualTo(Duration.ofDays(30).plusHours(1));
        }

        @Test
        void kolkataMonthsStartAt1830UtcTheDayBefore() {
            ReportMonth march = new ReportMonth(YearMonth.of(2026, 3), KOLKATA);
            assertThat(march.startInclusive()).isEqualTo(Instant.parse("2026-02-28T18:30:00Z"));
            assertThat(march.endExclusive()).isEqualTo(Instant.parse("2026-03-31T18:30:00Z"));
            assertThat(length(march)).isEqualTo(Duration.ofDays(31));
        }

        @Test
        void apiaDecember2011LostTheThirtiethWhenSamoaCrossedTheDateLine() {
            ReportMonth december = new ReportMonth(YearMonth.of(2011, 12), APIA);
            assertThat(december.startInclusive()).isEqualTo(OffsetDateTime.parse("2011-12-01T00:00-10:00").toInstant());
            assertThat(december.endExclusive()).isEqualTo(OffsetDateTime.parse("2012-01-01T00:00+14:00").toInstant());
            assertThat(length(december)).isEqualTo(Duration.ofDays(30));
            assertThat(december.contains(OffsetDateTime.parse("2011-12-29T23:59:59-10:00").toInstant())).isTrue();
            assertThat(december.contains(OffsetDateTime.parse("2011-12-31T00:00:00+14:00").toInstant())).isTrue();
        }

        @Test
        void asuncionOctober2023StartsAtOneBecauseItsFirstMidnightWasSkipped() {
            ReportMonth october = new ReportMonth(YearMonth.of(2023, 10), ASUNCION);
            assertThat(october.startInclusive()).isEqualTo(Instant.parse("2023-10-01T04:00:00Z"));
            assertThat(october.startInclusive().atZone(ASUNCION).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2023-10-01T01:00"));
            assertThat(october.previous().endExclusive()).isEqualTo(october.startInclusive());
        }

        @ParameterizedTest
        @CsvSource({"2024-02, 29", "2026-02, 28", "2100-02, 28", "2000-02, 29", "2026-04, 30", "2026-12, 31"})
        void inUtcAMonthLastsItsNumberOfDays(String month, int days) {
            assertThat(length(ReportMonth.parse(month, UTC))).isEqualTo(Duration.ofDays(days));
        }

        @Test
        void consecutiveMonthsMeetExactlyInEveryZone() {
            for (ZoneId zone : ZONES) {
                ReportMonth month = new ReportMonth(YearMonth.of(2010, 1), zone);
                for (int i = 0; i < 12 * 20; i++) {
                    ReportMonth next = month.next();
                    assertThat(next.startInclusive()).as("%s", month).isEqualTo(month.endExclusive());
                    assertThat(month.startInclusive()).as("%s", month).isBefore(month.endExclusive());
                    assertThat(month.startInclusive().atZone(zone).toLocalDate())
                            .as("%s", month).isEqualTo(month.yearMonth().atDay(1));
                    month = next;
                }
            }
        }
    }

    @Nested
    class Membership {

        @Test
        void includesItsStartAndExcludesItsEnd() {
            Instant start = TORONTO_2026_03.startInclusive();
            Instant end = TORONTO_2026_03.endExclusive();
            assertThat(TORONTO_2026_03.contains(start)).isTrue();
            assertThat(TORONTO_2026_03.contains(start.minusNanos(1))).isFalse();
            assertThat(TORONTO_2026_03.contains(end.minusNanos(1))).isTrue();
            assertThat(TORONTO_2026_03.contains(end)).isFalse();
            assertThat(TORONTO_2026_03.next().contains(end)).isTrue();
        }

        @Test
        void readsTheInstantInTheFoundationsZoneNotInUtc() {
            Instant lateOnMarch31InToronto = Instant.parse("2026-04-01T03:30:00Z");
            assertThat(ReportMonth.containing(lateOnMarch31InToronto, TORONTO)).isEqualTo(TORONTO_2026_03);
            assertThat(ReportMonth.containing(lateOnMarch31InToronto, UTC).yearMonth()).isEqualTo(YearMonth.of(2026, 4));
            assertThat(TORONTO_2026_03.contains(lateOnMarch31InToronto)).isTrue();

            Instant earlyOnMarch1InKolkata = Instant.parse("2026-02-28T19:00:00Z");
            assertThat(ReportMonth.containing(earlyOnMarch1InKolkata, KOLKATA).yearMonth()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(ReportMonth.containing(earlyOnMarch1InKolkata, UTC).yearMonth()).isEqualTo(YearMonth.of(2026, 2));
        }

        @Test
        void theContainingMonthContainsTheInstantAndNoNeighbourDoes() {
            for (ZoneId zone : ZONES) {
                for (Instant instant = Instant.parse("2011-01-01T00:00:00Z");
                        instant.isBefore(Instant.parse("2013-01-01T00:00:00Z"));
                        instant = instant.plus(Duration.ofHours(7).plusMinutes(13))) {
                    ReportMonth month = ReportMonth.containing(instant, zone);
                    assertThat(month.zone()).isEqualTo(zone);
                    assertThat(month.contains(instant)).as("%s in %s", instant, month).isTrue();
                    assertThat(month.previous().contains(instant)).as("%s in %s", instant, month).isFalse();
                    assertThat(month.next().contains(instant)).as("%s in %s", instant, month).isFalse();
                }
            }
        }

        @Test
        void aMonthContainsItsOwnStartAndItsEndBelongsToTheNext() {
            for (ZoneId zone : ZONES) {
                ReportMonth month = new ReportMonth(YearMonth.of(2011, 12), zone);
                assertThat(ReportMonth.containing(month.startInclusive(), zone)).isEqualTo(month);
                assertThat(ReportMonth.containing(month.endExclusive(), zone)).isEqualTo(month.next());
            }
        }
    }

    @Nested
    class Stepping {

        @Test
        void stepsAcrossYearEnds() {
            ReportMonth january = ReportMonth.parse("2026-01", TORONTO);
            assertThat(january.previous()).isEqualTo(ReportMonth.parse("2025-12", TORONTO));
            assertThat(january.previous().next()).isEqualTo(january);
            assertThat(ReportMonth.parse("2026-12", TORONTO).next()).isEqualTo(ReportMonth.parse("2027-01", TORONTO));
        }

        @Test
        void keepsTheZone() {
            assertThat(TORONTO_2026_03.next().zone()).isEqualTo(TORONTO);
            assertThat(TORONTO_2026_03.previous().zone()).isEqualTo(TORONTO);
        }
    }

    @Nested
    class Parsing {

        @Test
        void readsYearHyphenMonth() {
            ReportMonth month = ReportMonth.parse("2026-03", TORONTO);
            assertThat(month.yearMonth()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(month.zone()).isEqualTo(TORONTO);
            assertThat(month).isEqualTo(TORONTO_2026_03);
            assertThat(ReportMonth.parse("1999-12", UTC).yearMonth()).isEqualTo(YearMonth.of(1999, 12));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13", "2026-00", "26-03", "", " ", "2026-3", "2026/03", "2026-03-01", " 2026-03",
            "2026-03 ", "+2026-03", "-2026-03", "12026-03", "03-2026", "2026-mar", "٢٠٢٦-٠٣", "２０２６-03", "2026–03"})
        void refusesAnythingElseNamingWhatItGot(String text) {
            assertThatThrownBy(() -> ReportMonth.parse(text, TORONTO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("YYYY-MM")
                    .hasMessageContaining("\"" + text + "\"");
        }
    }

    @Nested
    class ValueSemantics {

        @Test
        void equalWhenMonthAndZoneAre() {
            assertThat(new ReportMonth(YearMonth.of(2026, 3), ZoneId.of("America/Toronto")))
                    .isEqualTo(TORONTO_2026_03)
                    .hasSameHashCodeAs(TORONTO_2026_03);
            assertThat(new ReportMonth(YearMonth.of(2026, 3), KOLKATA)).isNotEqualTo(TORONTO_2026_03);
            assertThat(new ReportMonth(YearMonth.of(2026, 4), TORONTO)).isNotEqualTo(TORONTO_2026_03);
        }

        @Test
        void writesMonthAndZone() {
            assertThat(TORONTO_2026_03).hasToString("2026-03 America/Toronto");
            assertThat(new ReportMonth(YearMonth.of(2026, 3), UTC)).hasToString("2026-03 Z");
        }

        @Test
        void refusesNullsNamingThem() {
            YearMonth march = YearMonth.of(2026, 3);
            Instant now = Instant.parse("2026-03-15T12:00:00Z");
            assertNullNamed(() -> new ReportMonth(null, TORONTO), "yearMonth");
            assertNullNamed(() -> new ReportMonth(march, null), "zone");
            assertNullNamed(() -> ReportMonth.parse(null, TORONTO), "text");
            assertNullNamed(() -> ReportMonth.parse("2026-03", null), "zone");
            assertNullNamed(() -> ReportMonth.containing(null, TORONTO), "instant");
            assertNullNamed(() -> ReportMonth.containing(now, null), "zone");
            assertNullNamed(() -> TORONTO_2026_03.contains(null), "instant");
        }

        private void assertNullNamed(Runnable call, String parameter) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage(parameter + " must not be null");
        }
    }

    private static Duration length(ReportMonth month) {
        return Duration.between(month.startInclusive(), month.endExclusive());
    }
}
