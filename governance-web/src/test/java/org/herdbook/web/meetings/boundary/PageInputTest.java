package org.herdbook.web.meetings.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.herdbook.web.api.InvalidInput;
import org.junit.jupiter.api.Test;

class PageInputTest {

    private static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");

    @Test
    void aClosingTimeIsTypedInTheFoundationsZone() {
        assertThat(PageInput.instant("2026-12-08T09:00", WINNIPEG)).isEqualTo(Instant.parse("2026-12-08T15:00:00Z"));
        assertThat(PageInput.instant(" ", WINNIPEG)).isNull();
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> PageInput.instant("next tuesday", WINNIPEG)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("validation.ballot-closes.invalid");
        assertThatThrownBy(() -> PageInput.instant("2026-12-08", WINNIPEG)).isInstanceOf(InvalidInput.class);
    }
}
