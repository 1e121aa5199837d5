package org.herdbook.ballots.manifest.control;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of the members of a parsed JSON object (maps and lists as Nimbus's JSON parser
 * returns them), failing with {@link IllegalArgumentException} naming the member. Stateless.
 */
public final class JsonMembers {

    private JsonMembers() {
    }

    /** @return the member as a string; fails if absent or not a string */
    public static String string(Map<String, ?> object, String name) {
        if (object.get(name) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("\"" + name + "\" must be a string");
    }

    /** @return the member as an integer; fails if absent or not an integral number */
    public static long integer(Map<String, ?> object, String name) {
        Object value = object.get(name);
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            return d.longValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" must be an integer");
    }

    /** @return the member as a JSON object; fails if absent or not an object */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, ?> object, String name) {
        if (object.get(name) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("\"" + name + "\" must be an object");
    }

    /** @return the member as a JSON array; fails if absent or not an array */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, ?> object, String name) {
        if (object.get(name) instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("\"" + name + "\" must be an array");
    }

    /** @return the element as a JSON object; fails if it is not one */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object element, String what) {
        if (element instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " must be an object");
    }
}
