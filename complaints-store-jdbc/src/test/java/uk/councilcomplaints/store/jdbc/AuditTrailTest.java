package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandType;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The audit trail cannot be rewritten through the library: every SQL string the JDBC store sends over a
 * realistic workload (every command type, erasure, a batch, reads, reports, a projection rebuild, the schema
 * migration itself) only inserts into or reads {@code complaint_events}; and neither the store SPI nor the
 * facade has a method that would change or remove an event.
 */
class AuditTrailTest {

    /** The append-only table, as the migration scripts name it. */
    static final String EVENTS = "complaint_events";

    /** Statements that change or remove rows or the table itself, with the table they act on. */
    private static final Pattern CHANGES = Pattern.compile(
            "\\b(UPDATE|DELETE\\s+FROM|DELETE|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?"
                    + "|ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?|REPLACE\\s+INTO|INSERT\\s+INTO)\\s+(?:ONLY\\s+)?\"?(\\w+)\"?",
            Pattern.CASE_INSENSITIVE);
    /** What a migration may do to the events table: add a column, or change a column's type (widen it). */
    private static final Pattern WIDENING = Pattern.compile(
            "\\s+(ADD\\s+COLUMN|ALTER\\s+COLUMN\\s+\\w+\\s+(SET\\s+DATA\\s+)?TYPE)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * The one statement that removes something from the events table: schema 3 moves the events' reasons (free
     * text that may hold personal data, so erasable) to {@code event_reasons}, copying them first.
     */
    private static final Pattern REASONS_MOVED_OUT = Pattern.compile(
            "\\s*ALTER\\s+TABLE\\s+complaint_events\\s+DROP\\s+COLUMN\\s+reason\\s*;?\\s*", Pattern.CASE_INSENSITIVE);
    /** An insert that rewrites an existing row on a clash. */
    private static final Pattern UPSERT = Pattern.compile("\\bON\\s+CONFLICT\\b.*\\bDO\\s+UPDATE\\b|\\bON\\s+DUPLICATE\\s+KEY\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** What in {@code sql} would change {@code complaint_events} other than by inserting new rows; empty if nothing. */
    static List<String> rewritesOfEvents(String sql) {
        List<String> found = new ArrayList<>();
        if (REASONS_MOVED_OUT.matcher(sql).matches()) {
            return found;
        }
        Matcher m = CHANGES.matcher(sql);
        while (m.find()) {
            String verb = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (m.group(2).equalsIgnoreCase(EVENTS)) {
                if (verb.startsWith("ALTER TABLE") && WIDENING.matcher(sql.substring(m.end())).lookingAt()) {
                    continue; // a migration adding a column or changing a column's type keeps every row
                }
                if (!verb.equals("INSERT INTO")) {
                    found.add(verb + " " + EVENTS);
                } else if (UPSERT.matcher(sql).find()) {
                    found.add("an upsert into " + EVENTS);
                }
            }
        }
        return found;
    }

    @Test
    void theCheckFindsEveryWayOfRewritingEvents() {
        for (String bad : List.of("UPDATE complaint_events SET actor = ? WHERE council_id = ?",
                "update  COMPLAINT_EVENTS set reason = null",
                "DELETE FROM complaint_events WHERE council_id = ? AND complaint_id = ?",
                "delete complaint_events where 1 = 1",
                "WITH x AS (DELETE FROM complaint_events RETURNING *) SELECT count(*) FROM x",
                "MERGE INTO complaint_events USING (VALUES 1) v ON 1 = 1 WHEN MATCHED THEN DELETE",
                "TRUNCATE TABLE complaint_events", "TRUNCATE complaint_events", "DROP TABLE IF EXISTS complaint_events",
                "ALTER TABLE complaint_events DROP COLUMN actor",
                "ALTER TABLE complaint_events DROP COLUMN reason, DROP COLUMN actor",
                "INSERT INTO complaint_events (council_id) VALUES (?) ON CONFLICT (council_id) DO UPDATE SET actor = ?")) {
            assertFalse(rewritesOfEvents(bad).isEmpty(), bad);
        }
        for (String fine : List.of("INSERT INTO complaint_events (council_id, complaint_id) VALUES (?, ?)",
                "SELECT * FROM complaint_events WHERE council_id = ?",
                "DELETE FROM report_projection WHERE NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.version = 1)",
                "UPDATE complaints SET version = ? WHERE council_id = ?",
                "DELETE FROM complainants WHERE council_id = ? AND complaint_id = ?",
                "ALTER TABLE complaint_events ALTER COLUMN actor SET DATA TYPE VARCHAR(400)",
                "ALTER TABLE complaint_events ADD COLUMN note VARCHAR(10)",
                "ALTER TABLE complaint_events DROP COLUMN reason")) {
            assertEquals(List.of(), rewritesOfEvents(fine), fine);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theStoreOnlyInsertsAndReadsEvents(String name, FaultyDataSource recording) {
        JdbcComplaintStore store = JdbcComplaintStore.builder(recording).council(TestDatabases.freshCouncil())
                .noSettleWindow().build();
        SettableClock clock = new SettableClock(RandomHistories.START);
        Complaints complaints = Complaints.builder(store).clock(clock).build();

        Map<CommandType, Integer> accepted = workload(store, complaints, clock);
        Set<CommandType> missing = EnumSet.allOf(CommandType.class);
        missing.removeAll(accepted.keySet());
        assertEquals(Set.of(), missing, "the workload must use every command type");

        List<String> sql = recording.recorded();
        List<String> rewrites = sql.stream().flatMap(s -> rewritesOfEvents(s).stream().map(r -> r + " in: " + s))
                .toList();
        assertEquals(List.of(), rewrites, name);
        // the check saw the real traffic: inserts into the events table, reads of it, and other tables changed
        assertTrue(sql.stream().anyMatch(s -> s.matches("(?is)\\s*INSERT INTO " + EVENTS + "\\b.*")), name);
        assertTrue(sql.stream().anyMatch(s -> s.matches("(?is)\\s*SELECT .* FROM " + EVENTS + "\\b.*")), name);
        assertTrue(sql.stream().anyMatch(s -> s.matches("(?is)\\s*UPDATE complaints\\b.*")), name);
        assertTrue(sql.stream().anyMatch(s -> s.matches("(?is)\\s*DELETE FROM complainants\\b.*")), name);
    }

    /** Random histories over every command type, a batch, erasures, reads, reports and a projection rebuild. */
    private static Map<CommandType, Integer> workload(JdbcComplaintStore store, Complaints complaints,
            SettableClock clock) {
        Map<CommandType, Integer> accepted = new java.util.EnumMap<>(CommandType.class);
        List<ComplaintId> ids = new ArrayList<>();
        // until every command type was accepted (a few dozen histories), at most 100
        for (int seed = 0; seed < 100 && accepted.size() < CommandType.values().length; seed++) {
            Random random = new Random(seed);
            List<Integer> steps = Stream.generate(() -> random.nextInt(Integer.MAX_VALUE)).limit(80).toList();
            RandomHistories player = new RandomHistories(complaints, clock);
            player.play(steps, true);
            player.accepted().forEach((type, n) -> accepted.merge(type, n, Integer::sum));
            ids.addAll(player.ids());
        }

        Batch batch = complaints.batch();
        ComplaintId first = batch.receive(ReceiveContact.of(uk.councilcomplaints.model.Procedure.CORPORATE,
                uk.councilcomplaints.model.ServiceArea.CORPORATE, uk.councilcomplaints.model.Channel.PHONE,
                clock.instant(), uk.councilcomplaints.model.Complainant.named("B. Atch"), "batched"),
                Audit.by("importer")).id();
        batch.execute(first, Command.Triage.asReceived(), Audit.by("importer"));
        batch.execute(first, new Command.ErasePersonalData(), Audit.by("importer").because("test"));
        batch.commit();

        for (ComplaintId id : ids) {
            List<ComplaintEvent> before = store.history(id);
            store.load(id);
            store.personalData(id);
            if (!store.load(id).orElseThrow().personalDataErased()) {
                clock.advance(Duration.ofMinutes(1));
                complaints.execute(id, new Command.ErasePersonalData(), Audit.by("dpo").because("retention"));
                List<ComplaintEvent> after = store.history(id);
                // the facts of every event stay; only the free-text reasons go, and from event_reasons
                assertEquals(before.stream().map(ComplaintEvent::withReasonErased).toList(),
                        after.subList(0, before.size()), "erasure changes no event's facts");
            }
        }
        store.find(ComplaintQuery.builder().limit(50).build());
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            all.count();
        }
        Reports.over(store).table(ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA,
                LocalDate.of(2023, 1, 1)).build());
        store.rebuildProjection();
        return accepted;
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> databases() {
        // new databases, so the recording includes the migration that creates the tables
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of("H2",
                        new FaultyDataSource(TestDatabases.newH2Memory())),
                org.junit.jupiter.params.provider.Arguments.of("PostgreSQL",
                        new FaultyDataSource(TestDatabases.newPostgresDatabase(4))));
    }

    /** Verbs of methods that would change or remove stored events. */
    private static final Pattern REWRITING = Pattern.compile(
            "(update|delete|remove|rewrite|replace|truncate|purge|clear|drop|set|edit|amend|modify|correct)[A-Z].*|"
                    + "(update|delete|remove|rewrite|replace|truncate|purge|clear|drop|edit|amend|modify|correct)");

    @Test
    void noPublicMethodChangesOrRemovesEvents() {
        for (Class<?> type : List.of(ComplaintStore.class, JdbcComplaintStore.class, Complaints.class, Batch.class)) {
            List<String> rewriting = Arrays.stream(type.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                    .map(Method::getName).filter(n -> REWRITING.matcher(n).matches()).toList();
            assertEquals(List.of(), rewriting, type.getSimpleName());
        }
        // the one write of the SPI appends after an expected version; nothing takes an event to replace
        List<String> writes = Arrays.stream(ComplaintStore.class.getMethods())
                .filter(m -> m.getReturnType() == void.class).map(Method::getName).sorted().toList();
        assertEquals(List.of("append", "appendAll"), writes);
        assertTrue(REWRITING.matcher("deleteEvents").matches() && REWRITING.matcher("update").matches(),
                "the pattern finds such methods");
    }

    @Test
    void aRefusedStaleAppendLeavesTheEventsAlone() {
        JdbcComplaintStore store = ContractStores.fresh(TestDatabases.h2Memory());
        SettableClock clock = new SettableClock(RandomHistories.START);
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        ComplaintId id = uk.councilcomplaints.testing.Fixtures.receive(complaints,
                uk.councilcomplaints.model.Procedure.CORPORATE, uk.councilcomplaints.model.ServiceArea.CORPORATE).id();
        List<ComplaintEvent> before = store.history(id);
        clock.advance(Duration.ofMinutes(1));
        complaints.execute(id, Command.Triage.asReceived(), Audit.by("a"));
        // a second writer decided on version 1 and tries to put its own event 2 in place of the stored one
        assertThrows(uk.councilcomplaints.store.VersionConflictException.class,
                () -> complaints.execute(id, 1,
                        new Command.Reclassify(uk.councilcomplaints.model.Classification.SERVICE_REQUEST), Audit.by("b")));
        List<ComplaintEvent> after = store.history(id);
        assertEquals(before, after.subList(0, 1));
        assertEquals(2, after.size());
        assertEquals(uk.councilcomplaints.event.EventType.TRIAGED, after.get(1).data().type());
    }
}
