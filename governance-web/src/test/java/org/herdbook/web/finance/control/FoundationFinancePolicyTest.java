package org.herdbook.web.finance.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import org.herdbook.web.foundation.control.FoundationProfile;
import org.herdbook.web.foundation.entity.Foundation;
import org.junit.jupiter.api.Test;

/** The foundation's currency and time zone: defaults before first run, read once after it. */
class FoundationFinancePolicyTest {

    private static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");

    /** A foundation profile that counts its reads; empty until {@link #setUp} is called. */
    private static final class CountingProfile extends FoundationProfile {
        int reads;
        Foundation foundation;

        void setUp() {
            foundation = new Foundation("Herd", Currency.getInstance("EUR"), WINNIPEG);
        }

        @Override
        public Optional<Foundation> current() {
            reads++;
            return Optional.ofNullable(foundation);
        }
    }

    @Test
    void defaultsUntilFirstRunThenTheFoundationsSettingsReadOnce() {
        CountingProfile profile = new CountingProfile();
        FoundationFinancePolicy policy = new FoundationFinancePolicy();
        policy.foundation = profile;

        assertThat(policy.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(policy.currency()).isEqualTo(Currency.getInstance("CAD"));
        assertThat(profile.reads).as("nothing is kept before first run").isEqualTo(2);

        profile.setUp();
        for (int i = 0; i < 3; i++) {
            assertThat(policy.timeZone()).isEqualTo(WINNIPEG);
            assertThat(policy.currency()).isEqualTo(Currency.getInstance("EUR"));
        }
        assertThat(profile.reads).as("read once the foundation exists, then kept").isEqualTo(3);
    }
}
