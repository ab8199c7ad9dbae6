package uk.councilcomplaints.examples.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes JSON (RFC 8259) from maps (objects, keys in their order), lists, strings, numbers, booleans, empty
 * optionals and nulls, indented by two spaces. Strings are escaped: quotes, backslashes, every control
 * character, and the line and paragraph separators U+2028 and U+2029 (which some JavaScript readers take for
 * line ends); every other character is written as itself.
 */
final class Json {

    private Json() {
    }

    /** {@code value} as JSON text, ending in a line break. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null), depth);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, depth);
        } else if (value instanceof List<?> list) {
            array(out, list, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(separator);
            indent(out, depth + 1);
            string(out, (String) e.getKey());
            out.append(": ");
            write(out, e.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object item : list) {
            out.append(separator);
            indent(out, depth + 1);
            write(out, item, depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append(']');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
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
