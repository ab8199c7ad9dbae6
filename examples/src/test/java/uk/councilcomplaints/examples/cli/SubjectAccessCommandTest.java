package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** {@code complaints subject-access}: everything held about one complainant, as JSON any reader takes. */
class SubjectAccessCommandTest {

    /** Free text with everything JSON must escape, and characters it must keep. */
    private static final String SUMMARY = "Bins \"not\" emptied\nagain,\ttwice \\ thrice; Siân: 😀 ŵ";

    @TempDir
    Path dir;

    /** Two complaints by Jo (the second with the email in capitals), one by someone else, one of Jo's erased. */
    private static Complaints story(ComplaintStore store) {
        SettableClock clock = new SettableClock(Instant.parse("2022-03-01T10:00:00Z"));
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complainant jo = Complainant.named("Jo Bloggs").withEmail("jo.bloggs@example.org").withPhone("01632 960000");
        Complaint first = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE,
                Channel.EMAIL, clock.instant(), jo, SUMMARY).withReference("VOC-1"), Audit.by("triage"));
        clock.advance(Duration.ofHours(2));
        complaints.execute(first.id(), Command.Triage.asReceived(),
                Audit.by("triage").because("Jo says \"urgent\""));
        clock.advance(Duration.ofDays(1));
        complaints.receive(ReceiveContact.of(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, Channel.PHONE,
                clock.instant(), Complainant.named("JO BLOGGS").withEmail("JO.BLOGGS@EXAMPLE.ORG"), "Carers late")
                .withReference("VOC-2"), Audit.by("triage"));
        complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.OTHER, Channel.PHONE, clock.instant(),
                Complainant.named("Sam Smith").withEmail("sam@example.org"), "Potholes").withReference("VOC-3"),
                Audit.by("triage"));
        Complaint erased = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.OTHER,
                Channel.PHONE, clock.instant(), jo, "Old matter").withReference("VOC-4"), Audit.by("triage"));
        complaints.anonymise(erased.id(), Audit.by("dpo").because("asked to be forgotten"));
        return complaints;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Cli.Result run) {
        assertEquals(0, run.exitCode(), run.err());
        return (Map<String, Object>) JsonParser.parse(run.out());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> complaints(Map<String, Object> json) {
        return list(json.get("complaints"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void byEmailEveryComplaintOfTheSubjectWithItsPersonalDataAndHistory() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        story(store);
        Map<String, Object> json = json(Cli.run(store, "subject-access", "--email", "Jo.Bloggs@example.org"));
        assertEquals(Map.of("email", "Jo.Bloggs@example.org"), json.get("subject"));
        assertEquals(Cli.APRIL_2022.toString(), json.get("produced_at"));
        List<Map<String, Object>> found = complaints(json);
        assertEquals(List.of("VOC-1", "VOC-2"), found.stream().map(c -> c.get("reference")).toList(),
                "in the order received; not VOC-4, whose personal data was erased");

        Map<String, Object> first = found.get(0);
        assertEquals(SUMMARY, first.get("summary"), "free text survives escaping exactly");
        assertEquals("CORPORATE", first.get("procedure"));
        assertEquals("Corporate", first.get("service_area"));
        assertEquals("TRIAGED", first.get("status"));
        Map<String, Object> who = map(first.get("complainant"));
        assertEquals("Jo Bloggs", who.get("name"));
        assertEquals("01632 960000", who.get("phone"));
        assertEquals(null, who.get("address"));
        assertTrue(who.containsKey("address"), "absent details are null, not missing");
        List<Map<String, Object>> events = list(first.get("events"));
        assertEquals(List.of("RECEIVED", "TRIAGED"), events.stream().map(e -> e.get("type")).toList());
        assertEquals("2022-03-01T10:00:00Z", events.get(0).get("occurred_at"));
        assertEquals("2022-03-01T12:00:00Z", events.get(1).get("recorded_at"));
        assertEquals("Jo says \"urgent\"", events.get(1).get("reason"));
        assertEquals("triage", events.get(1).get("actor"));
        assertEquals(Map.of("reference", "VOC-1", "procedure", "CORPORATE", "service_area", "Corporate",
                "channel", "EMAIL"), withoutNulls(map(events.get(0).get("details"))));
        assertEquals("JO BLOGGS", map(found.get(1).get("complainant")).get("name"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        m.values().removeIf(v -> v == null);
        return m;
    }

    @Test
    void byNameTheLettersAToZInAnyCase() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        story(store);
        assertEquals(List.of("VOC-1", "VOC-2"), complaints(json(Cli.run(store, "subject-access", "--name",
                "jo bloggs"))).stream().map(c -> c.get("reference")).toList());
        assertEquals(List.of(), complaints(json(Cli.run(store, "subject-access", "--name", "Jo Blogs"))),
                "whole names only");
    }

    @Test
    void onAnH2DatabaseTheSameAsInMemory() {
        String db = "jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath();
        try (OpenStore jdbc = JdbcStores.open(StoreOptions.of(StoreOptions.Kind.JDBC, db, false))) {
            story(jdbc.store());
        }
        InMemoryComplaintStore memory = new InMemoryComplaintStore();
        story(memory);
        Cli.Result onH2 = Cli.run(new SettableClock(Cli.APRIL_2022), StoreFactory.standard(), "subject-access",
                "--db", db, "--email", "jo.bloggs@example.org");
        Map<String, Object> expected = json(Cli.run(memory, "subject-access", "--email", "jo.bloggs@example.org"));
        Map<String, Object> actual = json(onH2);
        // ids are random per store: compare everything else
        for (Map<String, Object> c : complaints(expected)) {
            c.remove("id");
        }
        for (Map<String, Object> c : complaints(actual)) {
            c.remove("id");
        }
        assertEquals(expected, actual);
    }

    @Test
    void exactlyOneOfEmailAndNameOrOneLineSaysSo() {
        Cli.Result none = Cli.run("subject-access", "--store", "memory");
        assertEquals(2, none.exitCode());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        assertTrue(none.err().contains("--email") && none.err().contains("--name"), none.err());
        Cli.Result both = Cli.run("subject-access", "--store", "memory", "--email", "a@b.org", "--name", "A");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Cli.Result blank = Cli.run("subject-access", "--store", "memory", "--name", " ");
        assertEquals(2, blank.exitCode());
        assertEquals("complaints subject-access: Invalid value for option '--name': must not be blank "
                + "(see complaints subject-access --help)", blank.err().strip());
        Cli.Result help = Cli.run("subject-access", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("JSON") && help.out().contains("--email=ADDRESS"), help.out());
    }
}
