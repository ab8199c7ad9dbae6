package uk.councilcomplaints.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the bank holidays of England and Wales from the official list in the gov.uk format
 * ({@code https://www.gov.uk/bank-holidays.json}):
 * {@code {"england-and-wales": {"division": "england-and-wales", "events": [{"title": "...", "date":
 * "2018-01-01", "notes": "", "bunting": true}, ...]}, "scotland": {...}, "northern-ireland": {...}}}.
 * Only the {@code date} of each event of the {@code england-and-wales} division is used; other
 * divisions and fields are ignored. A small JSON reader, since the core takes no JSON library.
 */
final class GovUkBankHolidays {

    static final String DIVISION = "england-and-wales";

    private GovUkBankHolidays() {}

    /** The dates of the list, by year. */
    static SortedMap<Integer, Set<LocalDate>> read(InputStream json) {
        String text;
        try {
            text = new String(json.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bank holidays JSON", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Object root = new Reader(text).document();
        if (!(root instanceof Map<?, ?> divisions)) {
            throw invalid("the document must be an object of divisions");
        }
        if (!(divisions.get(DIVISION) instanceof Map<?, ?> division)) {
            throw invalid("no \"" + DIVISION + "\" division object");
        }
        if (!(division.get("events") instanceof List<?> events)) {
            throw invalid(DIVISION + ".events must be an array");
        }
        SortedMap<Integer, Set<LocalDate>> byYear = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            String where = DIVISION + ".events[" + i + "].date";
            if (!(events.get(i) instanceof Map<?, ?> event) || !(event.get("date") instanceof String date)) {
                throw invalid(where + " must be a string");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw invalid(where + " \"" + date + "\" is not a date (yyyy-MM-dd)");
            }
            byYear.computeIfAbsent(day.getYear(), y -> new TreeSet<>()).add(day);
        }
        if (byYear.isEmpty()) {
            throw invalid(DIVISION + ".events is empty");
        }
        return byYear;
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("bank holidays JSON: " + why);
    }

    /**
     * A recursive-descent JSON reader: objects to maps, arrays to lists, strings to strings, and numbers, true,
     * false and null to {@link #LITERAL} (nothing here needs their values, and none may pass for a date).
     */
    private static final class Reader {
        private static final Object LITERAL = new Object();

        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (at != text.length()) {
                throw error("unexpected text after the document");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end of the document");
            }
            char c = text.charAt(at);
            if (c == '{') {
                return object();
            } else if (c == '[') {
                return array();
            } else if (c == '"') {
                return string();
            }
            skipLiteral();
            return LITERAL;
        }

        private Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (!peek('}')) {
                do {
                    skipSpace();
                    if (!peek('"')) {
                        throw error("expected a member name");
                    }
                    at--;
                    String name = string();
                    skipSpace();
                    expect(':');
                    members.put(name, value());
                    skipSpace();
                } while (peek(','));
                expect('}');
            }
            return members;
        }

        private List<Object> array() {
            List<Object> items = new ArrayList<>();
            at++;
            skipSpace();
            if (!peek(']')) {
                do {
                    items.add(value());
                    skipSpace();
                } while (peek(','));
                expect(']');
            }
            return items;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("incomplete \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("invalid \\u escape");
                        }
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            throw error("unterminated string");
        }

        /** Skips a number, true, false or null. */
        private void skipLiteral() {
            int start = at;
            while (at < text.length() && "{}[],:\" \t\r\n".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            if (start == at) {
                throw error("expected a value");
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String why) {
            return invalid(why + " at offset " + at);
        }
    }
}
