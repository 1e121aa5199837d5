package org.herdbook.ballots.manifest.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS), for the JSON that Herdbook hashes or signs:
 * manifests, tallies and audit bundles.
 *
 * <p>Object members are sorted by their names compared as UTF-16 code units (which is what
 * {@link String#compareTo(String)} does); no whitespace is written; strings are escaped as
 * ECMAScript's {@code JSON.stringify} does: only the quotation mark, the reverse solidus and
 * control characters, with the two-character escapes for backspace, tab, line feed, form feed
 * and carriage return and otherwise a six-character escape in lower-case hex; the result is
 * encoded in UTF-8.
 *
 * <p>Herdbook's documents hold no fractional numbers (fractions are written as strings such as
 * {@code "17/3"}), so numbers are integers of at most 2<sup>53</sup> in magnitude, and for those
 * RFC 8785's number serialization is plain decimal digits. A fractional, non-finite or larger
 * number is refused rather than silently rounded. Strings with lone surrogates are refused too
 * (RFC 8785 requires I-JSON).
 *
 * <p>Accepted values: {@link Map} with {@link String} keys, {@link Collection}, {@link String},
 * {@link Boolean}, {@code null}, and integral {@link Number}s. Stateless and thread-safe.
 */
public final class CanonicalJson {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {
    }

    /**
     * @param value a JSON value as described in the class comment
     * @return its canonical serialization
     * @throws IllegalArgumentException if the value holds something JCS cannot represent exactly
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** @return the UTF-8 bytes of {@link #write(Object)} */
    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> names = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON member names must be strings: " + key);
            }
            names.add(name);
        }
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(names.get(i), out);
            out.append(':');
            write(map.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static void number(Number n, StringBuilder out) {
        long value;
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            value = n.longValue();
        } else if (n instanceof BigInteger big && big.bitLength() < 63) {
            value = big.longValue();
        } else if ((n instanceof Double || n instanceof Float) && Double.isFinite(n.doubleValue())
                && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= MAX_SAFE_INTEGER) {
            value = (long) n.doubleValue();
        } else {
            throw new IllegalArgumentException("Only integers are canonicalized here, not " + n);
        }
        if (Math.abs(value) > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("Integer beyond 2^53 cannot be represented exactly: " + value);
        }
        out.append(value);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("Lone surrogate in a JSON string");
                }
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("Lone surrogate in a JSON string");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
