package uk.councilcomplaints.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** The benchmark's generated histories are ones the facade itself accepts, event for event. */
class BenchmarkDataTest {

    /** A clock the replay sets to each event's recorded time. */
    private static final class ReplayClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void everyGeneratedHistoryReplaysThroughTheFacade() {
        InMemoryComplaintStore generated = new InMemoryComplaintStore();
        long events = new BenchmarkData(42).load(generated, 2_000);
        assertTrue(events > 4 * 2_000 && events < 6 * 2_000, "about five events a complaint: " + events);

        ReplayClock clock = new ReplayClock();
        InMemoryComplaintStore replayed = new InMemoryComplaintStore();
        Complaints complaints = Complaints.builder(replayed).clock(clock).build();
        List<ComplaintHistory> histories;
        try (Stream<ComplaintHistory> all = generated.histories(HistoryFilter.all())) {
            histories = all.toList();
        }
        for (ComplaintHistory h : histories) {
            ComplaintEvent first = h.events().get(0);
            EventData.Received r = (EventData.Received) first.data();
            clock.now = first.recordedAt();
            ComplaintId id = complaints.receive(ReceiveContact.of(r.procedure(), r.serviceArea(), r.channel(),
                    first.occurredAt(), Complainant.named("Benchmark"), "generated").withReference(r.reference()),
                    Audit.by(first.actor()).because("replayed")).id();
            for (ComplaintEvent e : h.events().subList(1, h.events().size())) {
                clock.now = e.recordedAt();
                complaints.execute(id, command(e.data()),
                        Audit.by(e.actor()).occurredAt(e.occurredAt()).because("replayed"));
            }
            Complaint expected = h.current();
            Complaint actual = complaints.get(id);
            assertEquals(expected.status(), actual.status());
            assertEquals(expected.version(), actual.version());
            assertEquals(expected.lastOccurredAt(), actual.lastOccurredAt());
            assertEquals(h.events().stream().map(ComplaintEvent::status).toList(),
                    complaints.history(id).stream().map(ComplaintEvent::status).toList());
        }
        ReportQuery byType = ReportQuery.builder(Population.all(), Grouping.TYPE, java.time.LocalDate.of(2022, 3, 31))
                .build();
        ReportTable fromGenerated = byType.table(generated);
        assertEquals(fromGenerated, byType.table(replayed));
        assertTrue(fromGenerated.rows().size() >= 5, fromGenerated.toString());
    }

    private static Command command(EventData data) {
        if (data instanceof EventData.Triaged t) {
            return Command.Triage.as(t.procedure(), t.serviceArea());
        } else if (data instanceof EventData.Reclassified r) {
            return new Command.Reclassify(r.classification());
        } else if (data instanceof EventData.Allocated a) {
            return new Command.Allocate(a.officer(), a.team());
        } else if (data instanceof EventData.Acknowledged) {
            return new Command.Acknowledge();
        } else if (data instanceof EventData.SentToService) {
            return new Command.SendToService();
        } else if (data instanceof EventData.DraftSubmitted) {
            return new Command.SubmitDraft();
        } else if (data instanceof EventData.Responded r) {
            return new Command.Respond(r.outcome(), r.remedies());
        } else if (data instanceof EventData.Escalated) {
            return new Command.Escalate();
        } else if (data instanceof EventData.ReferredToOmbudsman) {
            return new Command.ReferToOmbudsman();
        } else if (data instanceof EventData.Closed c) {
            return new Command.Close(c.reason(), c.duplicateOf());
        }
        throw new IllegalArgumentException("the benchmark does not generate " + data.type());
    }

    @Test
    void aLoadFillsTheWorkQueuesWithTheClocksOfTheOpenComplaints() {
        JdbcComplaintStore store = JdbcComplaintStore.builder(org.h2.jdbcx.JdbcConnectionPool.create(
                "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")).noSettleWindow().build();
        new BenchmarkData(3).loadInBatches(store, 300, 100);
        SlaEvaluator sla = SlaEvaluator.englandDefaults();
        List<DueClock> expected;
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            expected = all.flatMap(h -> sla.clockRows(h).clocks().stream()).filter(c -> !c.paused())
                    .sorted(ClockQuery.ORDER).toList();
        }
        assertTrue(expected.size() > 50, "running clocks: " + expected.size());
        assertEquals(expected, store.clocks(ClockQuery.running().limit(ClockQuery.MAX_LIMIT).build()).items());
        assertEquals(0, store.clocks(ClockQuery.running().basisOtherThan(sla.basis()).countBy(ClockGroup.KIND)
                .build()).total());
    }

    @Test
    void channelsAndReferencesAreKeptForTheRecord() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        new BenchmarkData(7).load(store, 10);
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            all.forEach(h -> {
                EventData.Received r = (EventData.Received) h.events().get(0).data();
                assertTrue(r.reference().matches("CMP-202[12]-\\d{7}"), r.reference());
                assertTrue(List.of(Channel.values()).contains(r.channel()));
                assertEquals(Optional.empty(), r.matterDate());
            });
        }
    }
}
