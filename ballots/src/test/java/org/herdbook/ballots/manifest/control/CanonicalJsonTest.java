package org.herdbook.ballots.manifest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    /** RFC 8785 section 3.2.3: members sorted by UTF-16 code units. */
    @Test
    void sortsMembersAsRfc8785Section323() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("\u20ac", "Euro Sign");
        object.put("\r", "Carriage Return");
        object.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        object.put("1", "One");
        object.put("\ud83d\ude00", "Emoji: Grinning Face");
        object.put("\u0080", "Control");
        object.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(CanonicalJson.write(object)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesOnlyWhatJsonStringifyEscapes() {
        assertThat(CanonicalJson.write("a\"b\\c\b\f\n\r\t\u0001\u001f/é’\u2028"))
                .isEqualTo("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f/é’\u2028\"");
    }

    @Test
    void writesNestedValuesWithoutWhitespace() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", List.of(1, 2L, true, false));
        object.put("a", Arrays.asList("x", null));
        object.put("c", Map.of());
        assertThat(CanonicalJson.write(object)).isEqualTo("{\"a\":[\"x\",null],\"b\":[1,2,true,false],\"c\":{}}");
    }

    @Test
    void writesIntegersAsDigitsEvenWhenParsedAsDoubles() {
        assertThat(CanonicalJson.write(List.of(0, -7, 9007199254740991L, 3.0, BigInteger.TEN))).isEqualTo("[0,-7,9007199254740991,3,10]");
    }

    @Test
    void refusesWhatItCannotWriteExactly() {
        assertThatThrownBy(() -> CanonicalJson.write(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(9007199254740993L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write("\ud83d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
