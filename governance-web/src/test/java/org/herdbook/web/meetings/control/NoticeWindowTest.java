package org.herdbook.web.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeWindowTest {

    static final NoticeWindow DAYS_21_TO_60 = new NoticeWindow(21, 60);
    static final LocalDate AGM = LocalDate.of(2027, 3, 20);

    @Test
    void noticeGoesFromMaxDaysUntilMinDaysBeforeTheMeeting() {
        assertThat(DAYS_21_TO_60.firstDay(AGM)).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(DAYS_21_TO_60.lastDay(AGM)).isEqualTo(LocalDate.of(2027, 2, 27));
    }

    @Test
    void theFirstAndLastAllowedDaysAreOpenAndTheDaysPastThemAreNot() {
        LocalDate first = DAYS_21_TO_60.firstDay(AGM);
        LocalDate last = DAYS_21_TO_60.lastDay(AGM);
        assertThat(DAYS_21_TO_60.on(first.minusDays(1), AGM)).isEqualTo(NoticeWindow.Position.TOO_EARLY);
        assertThat(DAYS_21_TO_60.on(first, AGM)).isEqualTo(NoticeWindow.Position.OPEN);
        assertThat(DAYS_21_TO_60.on(last, AGM)).isEqualTo(NoticeWindow.Position.OPEN);
        assertThat(DAYS_21_TO_60.on(last.plusDays(1), AGM)).isEqualTo(NoticeWindow.Position.TOO_LATE);
    }

    @Test
    void schedulingIsRefusedOnlyOnceTheLastDayForNoticeHasPassed() {
        // Too early to send notice today is fine for scheduling: it goes later.
        assertThat(DAYS_21_TO_60.canStillBeGiven(AGM.minusDays(200), AGM)).isTrue();
        assertThat(DAYS_21_TO_60.canStillBeGiven(AGM.minusDays(21), AGM)).isTrue();
        assertThat(DAYS_21_TO_60.canStillBeGiven(AGM.minusDays(20), AGM)).isFalse();
    }

    @Test
    void aWindowWithoutRoomIsNotAWindow() {
        assertThatThrownBy(() -> new NoticeWindow(30, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeWindow(-1, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NoticeWindow(0, 1).on(AGM, AGM)).isEqualTo(NoticeWindow.Position.OPEN);
    }
}
