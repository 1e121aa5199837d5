package org.herdbook.web.mastodon.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MastodonInstanceTest {

    @Test
    void unsetOrBlankMeansSigningInWithMastodonIsOff() {
        assertThat(configured(Optional.empty()).isEnabled()).isFalse();
        assertThat(configured(Optional.of("  ")).isEnabled()).isFalse();
    }

    @Test
    void anUnsafeAddressTurnsItOffRatherThanSendingCodesInClear() {
        MastodonInstance instance = configured(Optional.of("http://mastodon.example"));
        assertThat(instance.isEnabled()).isFalse();
        assertThat(instance.configured()).isEmpty();
    }

    @Test
    void theCallbackComesFromTheConfiguredBaseUrl() {
        MastodonInstance instance = configured(Optional.of("https://mastodon.example/"));
        assertThat(instance.configured()).map(InstanceUrl::origin).contains("https://mastodon.example");
        instance.baseUrl = "https://herdbook.example//";
        assertThat(instance.redirectUri()).isEqualTo("https://herdbook.example/auth/mastodon/callback");
    }

    private static MastodonInstance configured(Optional<String> url) {
        MastodonInstance instance = new MastodonInstance();
        instance.configuredUrl = url;
        instance.baseUrl = "http://localhost:9080";
        instance.parse();
        return instance;
    }
}
