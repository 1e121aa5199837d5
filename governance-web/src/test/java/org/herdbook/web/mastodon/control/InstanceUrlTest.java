package org.herdbook.web.mastodon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUrlTest {

    @ParameterizedTest
    @CsvSource({
            "https://mastodon.example, https://mastodon.example, mastodon.example",
            "https://Mastodon.Example/, https://mastodon.example, mastodon.example",
            "'  https://social.example:8443 ', https://social.example:8443, social.example",
            "HTTPS://mastodon.example, https://mastodon.example, mastodon.example",
            "http://localhost:9185, http://localhost:9185, localhost",
            "http://127.0.0.1:3000/, http://127.0.0.1:3000, 127.0.0.1"})
    void acceptsHttpsOriginsAndLocalHttp(String text, String origin, String host) {
        InstanceUrl instance = InstanceUrl.parse(text);
        assertThat(instance.origin()).isEqualTo(origin);
        assertThat(instance.host()).isEqualTo(host);
        assertThat(instance.endpoint("/oauth/token")).hasToString(origin + "/oauth/token");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "http://mastodon.example", "http://localhost.evil.example", "http://10.0.0.5:3000",
            "ftp://mastodon.example", "mastodon.example", "//mastodon.example", "https://", "https:mastodon.example",
            "https://user:secret@mastodon.example", "https://mastodon.example/path", "https://mastodon.example/?x=1",
            "https://mastodon.example/#top", "javascript:alert(1)", "https://mastodon example"})
    void refusesAnythingElse(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> InstanceUrl.parse(text));
    }
}
