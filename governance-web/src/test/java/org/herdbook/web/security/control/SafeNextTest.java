package org.herdbook.web.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/admin/index.xhtml", "/member/index.xhtml?tab=2", "/"})
    void localPathsAreKept(String next) {
        assertThat(HerdbookAuthentication.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)",
            "member/index.xhtml", "/ok\r\nSet-Cookie: x=y"})
    void anythingElseGoesToTheMembersPage(String next) {
        assertThat(HerdbookAuthentication.safeNext(next)).isEqualTo("/member/index.xhtml");
    }
}
