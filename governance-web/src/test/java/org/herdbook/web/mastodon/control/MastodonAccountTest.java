package org.herdbook.web.mastodon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MastodonAccountTest {

    @Test
    void readsTheIdAndAcctOfVerifyCredentials() {
        MastodonAccount account = MastodonAccount.fromJson(json(
                "{\"id\":\"109372843234\",\"username\":\"eole\",\"acct\":\"eole\",\"display_name\":\"<b>Éole</b>\"}"));
        assertThat(account).isEqualTo(new MastodonAccount("109372843234", "eole"));
    }

    @Test
    void keepsMarkupInTheAcctAsTextForThePagesToEscape() {
        assertThat(MastodonAccount.fromJson(json("{\"id\":\"1\",\"acct\":\"<script>x</script>\"}")).acct())
                .isEqualTo("<script>x</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":1,\"acct\":\"eole\"}", "{\"id\":\"1\"}", "{\"id\":\"\",\"acct\":\"eole\"}",
            "{\"id\":\"1\",\"acct\":\"\"}", "{\"id\":\"1\",\"acct\":\"two words\"}", "{\"id\":\"1\",\"acct\":\"a\\nb\"}",
            "{\"id\":\"1 2\",\"acct\":\"eole\"}", "{\"id\":null,\"acct\":\"eole\"}"})
    void refusesAnswersWithoutAUsableIdAndAcct(String answer) {
        assertThatIllegalArgumentException().isThrownBy(() -> MastodonAccount.fromJson(json(answer)));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
