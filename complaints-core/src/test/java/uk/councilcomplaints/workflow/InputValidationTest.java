package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;

/**
 * Bad input through the facade: every text field of every command, the date window and the London day of
 * "not in the future". Each rejection names the field, says why, and stores nothing.
 */
class InputValidationTest {

    private static final Instant NOW = Instant.parse("2022-02-01T10:00:00Z");
    /** Welsh with diacritics, an emoji (a surrogate pair), Arabic and Hebrew (right to left). */
    private static final List<String> UNUSUAL_BUT_VALID = List.of("Siân Llŷr ap Gruffydd", "Jo 🙂 Smith",
            "مكتب الشكاوى", "צוות התלונות", "Zoë O'Brien-Łukasiewicz");

    private final RecordingStore store = new RecordingStore();

    private Complaints complaints(Clock clock) {
        return Complaints.builder(store).clock(clock).build();
    }

    private final Complaints complaints = complaints(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ReceiveContact contact(Instant receivedAt) {
        return contact(receivedAt, Complainant.named("A. Resident").withEmail("resident@example.org"),
                "Missed visits by carers");
    }

    private static ReceiveContact contact(Instant receivedAt, Complainant complainant, String summary) {
        return ReceiveContact.of(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, Channel.EMAIL, receivedAt,
                complainant, summary);
    }

    private static ReceiveContact contact(Complainant complainant) {
        return contact(NOW, complainant, "Missed visits by carers");
    }

    /** Runs {@code action}, expects it rejected, checks nothing was stored, and returns the violations. */
    private List<Violation> rejected(Executable action) {
        int before = store.commits.size();
        InvalidCommandException e = assertThrows(InvalidCommandException.class, action);
        assertEquals(before, store.commits.size(), "a rejected command stores nothing");
        return e.violations();
    }

    /** Expects exactly one violated field, {@code path}, whose message contains {@code says}. */
    private void rejectedNaming(String path, String says, Executable action) {
        List<Violation> found = rejected(action);
        assertEquals(List.of(path), found.stream().map(Violation::path).distinct().toList(), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.message().contains(says)), found + " should say " + says);
    }

    // ---- the London day of "not in the future" ----

    @Test
    void theMatterDateMayBeTodayInLondonWhileItIsStillYesterdayInUtc() {
        // 00:30 BST on 16 June 2022 is 23:30 UTC on 15 June
        Instant halfPastMidnightBst = Instant.parse("2022-06-15T23:30:00Z");
        Complaints utc = complaints(Clock.fixed(halfPastMidnightBst, ZoneOffset.UTC));
        ReceiveContact c = contact(halfPastMidnightBst);

        utc.receive(c.withMatterDate(LocalDate.of(2022, 6, 15)), Audit.by("jo"));
        utc.receive(c.withMatterDate(LocalDate.of(2022, 6, 16)), Audit.by("jo"));
        rejectedNaming("matterDate", "today in London",
                () -> utc.receive(c.withMatterDate(LocalDate.of(2022, 6, 17)), Audit.by("jo")));
    }

    @Test
    void inWinterTheLondonDayIsTheUtcDay() {
        Instant halfPastElevenGmt = Instant.parse("2022-01-15T23:30:00Z");
        Complaints utc = complaints(Clock.fixed(halfPastElevenGmt, ZoneOffset.UTC));
        ReceiveContact c = contact(halfPastElevenGmt);
        utc.receive(c.withMatterDate(LocalDate.of(2022, 1, 15)), Audit.by("jo"));
        rejectedNaming("matterDate", "today in London",
                () -> utc.receive(c.withMatterDate(LocalDate.of(2022, 1, 16)), Audit.by("jo")));
    }

    // ---- the date window: 1900-01-01 to 2199-12-31 ----

    @Test
    void absurdReceivedInstantsAreValidationErrorsNamingTheField() {
        for (Instant absurd : List.of(Instant.MIN, Instant.MAX, Instant.parse("1899-12-31T23:59:59.999999Z"),
                Instant.parse("2200-01-01T00:00:00Z"))) {
            rejectedNaming("receivedAt", "1900-01-01", () -> complaints.receive(contact(absurd), Audit.by("jo")));
            rejectedNaming("receivedAt", "1900-01-01", () -> complaints.receive(
                    contact(absurd).withMatterDate(LocalDate.of(2022, 1, 3)), Audit.by("jo")));
        }
    }

    @Test
    void absurdOccurredInstantsAreValidationErrorsNamingTheField() {
        ComplaintId id = complaints.receive(contact(NOW), Audit.by("jo")).id();
        for (Instant absurd : List.of(Instant.MIN, Instant.MAX, Instant.parse("1899-12-31T23:59:59Z"))) {
            Audit audit = Audit.by("jo").occurredAt(absurd).because("imported");
            rejectedNaming("occurredAt", "1900-01-01", () -> complaints.execute(id, Command.Triage.asReceived(),
                    audit));
            rejectedNaming("occurredAt", "1900-01-01", () -> complaints.receive(contact(NOW), audit));
        }
    }

    @Test
    void matterDatesGoBackTo1900AndNoFurther() {
        complaints.receive(contact(NOW).withMatterDate(LocalDate.of(1900, 1, 1)), Audit.by("jo"));
        complaints.receive(contact(NOW).withMatterDate(LocalDate.of(1900, 1, 2)), Audit.by("jo"));
        rejectedNaming("matterDate", "1900-01-01", () -> complaints.receive(
                contact(NOW).withMatterDate(LocalDate.of(1899, 12, 31)), Audit.by("jo")));
        rejectedNaming("matterDate", "1900-01-01", () -> complaints.receive(
                contact(NOW).withMatterDate(LocalDate.MIN), Audit.by("jo")));
    }

    @Test
    void anAgreedResponseDateIsInTheWindowBeforeAnythingIsLookedUp() {
        ComplaintId unknown = ComplaintId.random();
        Audit audit = Audit.by("jo").because("agreed by phone");
        for (LocalDate absurd : List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(2200, 1, 1),
                LocalDate.of(1899, 12, 31))) {
            rejectedNaming("date", "2199-12-31", () -> complaints.execute(unknown,
                    new Command.AgreeResponseDate(absurd), audit));
        }
        // a date in the window, but not one the working-day calendar knows
        rejectedNaming("date", "(1990 to 2199), was 1950-06-01", () -> complaints.execute(unknown,
                new Command.AgreeResponseDate(LocalDate.of(1950, 6, 1)), audit));
    }

    @Test
    void daysAClockCountsFromOrToAreInTheWorkingDayCalendarsYears() {
        ComplaintId unknown = ComplaintId.random();
        Audit audit = Audit.by("jo").because("agreed by phone");
        rejectedNaming("date", "(1990 to 2199), was 1989-12-31", () -> complaints.execute(unknown,
                new Command.AgreeResponseDate(LocalDate.of(1989, 12, 31)), audit));
        assertThrows(ComplaintNotFoundException.class, () -> complaints.execute(unknown,
                new Command.AgreeResponseDate(LocalDate.of(1990, 1, 1)), audit));
        assertThrows(ComplaintNotFoundException.class, () -> complaints.execute(unknown,
                new Command.AgreeResponseDate(LocalDate.of(2199, 12, 31)), audit));
        // the last second of 1989 and the first of 1990, in London (GMT in winter)
        rejectedNaming("receivedAt", "(1990 to 2199)", () -> complaints.receive(
                contact(Instant.parse("1989-12-31T23:59:59Z")), Audit.by("jo").because("imported")));
        complaints.receive(contact(Instant.parse("1990-01-01T00:00:00Z")), Audit.by("jo").because("imported"));
    }

    // ---- text: every text field of every command ----

    /**
     * One text field: how to issue a valid command with {@code text} in it (after {@code setUp}), and how to
     * read back what was stored.
     */
    record Field(String path, boolean multiline, int max, Function<Complaints, ComplaintId> setUp,
            TextAction action, BiFunction<Complaints, ComplaintId, String> stored) {
        @Override
        public String toString() {
            return path;
        }
    }

    @FunctionalInterface
    interface TextAction {
        ComplaintId issue(Complaints complaints, ComplaintId id, String text);
    }

    private static ComplaintId nothing(Complaints c) {
        return null;
    }

    private static ComplaintId triaged(Complaints c) {
        Complaint received = c.receive(contact(NOW), Audit.by("jo"));
        c.execute(received.id(), Command.Triage.asReceived(), Audit.by("jo"));
        return received.id();
    }

    private static ComplaintEvent last(Complaints c, ComplaintId id) {
        List<ComplaintEvent> events = c.history(id);
        return events.get(events.size() - 1);
    }

    private static ComplaintId received(Complaints c, ReceiveContact contact) {
        return c.receive(contact, Audit.by("jo")).id();
    }

    private static Complainant complainant(Complaints c, ComplaintId id) {
        return c.personalData(id).orElseThrow().complainant();
    }

    static Stream<Field> fields() {
        return Stream.of(
                new Field("complainant.name", false, 200, InputValidationTest::nothing,
                        (c, id, t) -> received(c, contact(Complainant.named(t))),
                        (c, id) -> complainant(c, id).name()),
                new Field("complainant.email", false, 254, InputValidationTest::nothing,
                        (c, id, t) -> received(c, contact(Complainant.named("Jo").withEmail(t))),
                        (c, id) -> complainant(c, id).email().orElseThrow()),
                new Field("complainant.phone", false, 40, InputValidationTest::nothing,
                        (c, id, t) -> received(c, contact(Complainant.named("Jo").withPhone(t))),
                        (c, id) -> complainant(c, id).phone().orElseThrow()),
                new Field("complainant.address", true, 500, InputValidationTest::nothing,
                        (c, id, t) -> received(c, contact(
                                Complainant.named("Jo").withAddress(t))),
                        (c, id) -> complainant(c, id).address().orElseThrow()),
                new Field("summary", true, 10_000, InputValidationTest::nothing,
                        (c, id, t) -> received(c, contact(NOW, Complainant.named("Jo"), t)),
                        (c, id) -> c.personalData(id).orElseThrow().summary()),
                new Field("actor", false, 200, InputValidationTest::triaged,
                        (c, id, t) -> {
                            c.execute(id, new Command.Allocate("jo", "VoC"), Audit.by(t));
                            return id;
                        },
                        (c, id) -> last(c, id).actor()),
                new Field("reason", true, 2_000, InputValidationTest::triaged,
                        (c, id, t) -> {
                            c.execute(id, new Command.Allocate("jo", "VoC"), Audit.by("jo").because(t));
                            return id;
                        },
                        (c, id) -> last(c, id).reason().orElseThrow()),
                new Field("officer", false, 200, InputValidationTest::triaged,
                        (c, id, t) -> c.execute(id, new Command.Allocate(t, "VoC"), Audit.by("jo")).id(),
                        (c, id) -> c.get(id).officer().orElseThrow()),
                new Field("team", false, 200, InputValidationTest::triaged,
                        (c, id, t) -> c.execute(id, new Command.Allocate("jo", t), Audit.by("jo")).id(),
                        (c, id) -> c.get(id).team().orElseThrow()));
    }

    private void reject(Field f, String text, String says) {
        ComplaintId id = f.setUp().apply(complaints);
        rejectedNaming(f.path(), says, () -> f.action().issue(complaints, id, text));
    }

    private void accept(Field f, String text) {
        ComplaintId id = f.setUp().apply(complaints);
        ComplaintId stored = f.action().issue(complaints, id, text);
        assertEquals(text, f.stored().apply(complaints, stored), f.path() + " is stored exactly as given");
    }

    @ParameterizedTest
    @MethodSource("fields")
    void controlCharactersAreRefused(Field f) {
        reject(f, "Jo\u0000Smith", "U+0000");
        reject(f, "Jo\u0007Smith", "U+0007");
        reject(f, "Jo\u007FSmith", "U+007F");
        reject(f, "Jo\u0085Smith", "U+0085");
        reject(f, "Jo\u001BSmith", "U+001B");
    }

    @ParameterizedTest
    @MethodSource("fields")
    void unpairedSurrogatesAreRefused(Field f) {
        reject(f, "Jo \uD83D Smith", "U+D83D");
        reject(f, "Jo \uDE42 Smith", "U+DE42");
        reject(f, "Jo \uDE42\uD83D", "U+DE42");
        reject(f, "Jo \uD83D", "U+D83D");
    }

    @ParameterizedTest
    @MethodSource("fields")
    void lineBreaksAndTabsOnlyInFreeText(Field f) {
        for (String text : List.of("Line one\nline two", "Line one\r\nline two", "Col\tumn", "A\u2028B")) {
            if (f.multiline()) {
                accept(f, text);
            } else {
                reject(f, text, text.contains("\t") ? "U+0009" : "line");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fields")
    void lengthsAreLimitedWithTheLimitInTheMessage(Field f) {
        reject(f, "x".repeat(100_000), "at most " + String.format("%,d", f.max()));
        reject(f, emailShaped(f, f.max() + 1), "at most " + String.format("%,d", f.max()));
        accept(f, emailShaped(f, f.max()));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void welshEmojiAndRightToLeftTextAreStoredExactly(Field f) {
        if (f.path().equals("complainant.email") || f.path().equals("complainant.phone")) {
            return; // addresses and numbers have their own syntax
        }
        for (String text : UNUSUAL_BUT_VALID) {
            accept(f, text);
        }
        // an emoji is one character: the limit counts characters, not UTF-16 units
        accept(f, "🙂".repeat(f.max()));
    }

    @Test
    void anEmptyEmailOrPhoneIsRefusedWhileAnAbsentOneIsFine() {
        rejectedNaming("complainant.email", "blank", () -> complaints.receive(
                contact(Complainant.named("Jo").withEmail("")), Audit.by("jo")));
        rejectedNaming("complainant.phone", "blank", () -> complaints.receive(
                contact(Complainant.named("Jo").withPhone(" ")), Audit.by("jo")));
        rejectedNaming("complainant.address", "blank", () -> complaints.receive(
                contact(Complainant.named("Jo").withAddress("")), Audit.by("jo")));
        complaints.receive(contact(Complainant.named("Jo")), Audit.by("jo"));
    }

    @Test
    void aServiceAreaNameIsOneLineOfCleanText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceArea.of("waste", "Waste\nand recycling"));
        assertTrue(e.getMessage().contains("service area name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServiceArea.of("waste", "Waste\u0000"));
        assertThrows(IllegalArgumentException.class, () -> ServiceArea.of("waste", "Waste \uD83D"));
        assertEquals("Gwastraff ac ailgylchu ♻️", ServiceArea.of("waste", "Gwastraff ac ailgylchu ♻️").name());
    }

    /** A valid value of {@code length} characters for the field: an email is shaped like one. */
    private static String emailShaped(Field f, int length) {
        if (!f.path().equals("complainant.email")) {
            return "0".repeat(length);
        }
        // a local part of 64 (its limit), then domain labels of at most 50 letters, ending in ".org"
        StringBuilder domain = new StringBuilder();
        int remaining = length - "@".length() - 64 - ".org".length();
        while (remaining > 0) {
            if (domain.length() > 0) {
                domain.append('.');
                remaining--;
            }
            int label = Math.min(50, remaining);
            domain.append("b".repeat(label));
            remaining -= label;
        }
        String email = "a".repeat(64) + "@" + domain + ".org";
        assertEquals(length, email.length(), "test data");
        return email;
    }
}
