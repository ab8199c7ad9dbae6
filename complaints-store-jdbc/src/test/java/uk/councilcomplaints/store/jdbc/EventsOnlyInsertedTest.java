package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.protection.RetentionPolicy;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The audit trail is never rewritten: erasing personal data, one complaint at a time or by retention, erases the
 * events' reasons without the store issuing any UPDATE or DELETE on {@code complaint_events}, as the SQL it
 * prepares and executes shows, on H2 and PostgreSQL.
 */
class EventsOnlyInsertedTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void erasureAndRetentionNeverUpdateOrDeleteAnEvent(Databases db) {
        FaultyDataSource recording = new FaultyDataSource(db.dataSource());
        JdbcComplaintStore store = ContractStores.fresh(recording);
        SettableClock clock = new SettableClock(RandomHistories.START);
        RetentionPolicy policy = RetentionPolicy.defaults();
        for (Procedure p : Procedure.values()) {
            policy = policy.with(p, Period.ofDays(1));
        }
        Complaints complaints = Complaints.builder(store).clock(clock).retentionPolicy(policy).build();
        RandomHistories player = new RandomHistories(complaints, clock);
        Random random = new Random(11);
        player.play(IntStream.range(0, 80).mapToObj(i -> random.nextInt(Integer.MAX_VALUE - 1)).toList(), true);
        assertTrue(recording.recorded().stream().anyMatch(s -> s.startsWith("INSERT INTO complaint_events")),
                "the recorder sees the store's SQL: " + recording.recorded().size() + " statements");

        ComplaintId open = player.ids().stream()
                .filter(id -> !store.load(id).orElseThrow().personalDataErased()
                        && store.load(id).orElseThrow().status().open())
                .findFirst().orElseThrow();
        complaints.anonymise(open, Audit.by("dpo").because("subject asked"));
        clock.advance(Duration.ofDays(10));
        List<Complaint> expired = complaints.dataProtection().anonymiseExpired(LondonDays.dayOf(clock.instant()),
                "retention.job");
        assertFalse(expired.isEmpty(), "retention found nothing to anonymise");

        List<String> sql = recording.recorded();
        List<String> rewrites = sql.stream().filter(s -> !AuditTrailTest.rewritesOfEvents(s).isEmpty()).toList();
        assertEquals(List.of(), rewrites);
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("UPDATE event_reasons")), "reasons were erased");
        List<ComplaintId> anonymised = Stream.concat(Stream.of(open), expired.stream().map(Complaint::id)).toList();
        for (ComplaintId id : anonymised) {
            List<ComplaintEvent> events = store.history(id);
            List<ComplaintEvent> earlier = events.subList(0, events.size() - 1);
            assertEquals(earlier.stream().map(ComplaintEvent::withReasonErased).toList(), earlier,
                    "reasons before the erasure of " + id);
            assertTrue(events.get(events.size() - 1).reason().isPresent(), "the erasure keeps its own reason");
        }
    }
}
