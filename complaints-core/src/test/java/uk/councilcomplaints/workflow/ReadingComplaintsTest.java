package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.TriageTarget.HourKind;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * Reading complaints through the facade (now, as of an instant, their clocks), a command conditional on the
 * version the user saw, and the council's settings: reference prefix, timescales and calendar.
 */
class ReadingComplaintsTest {

    /** Monday 10 January 2022, 09:00 in London (GMT). */
    private static final Instant MONDAY = Instant.parse("2022-01-10T09:00:00Z");

    private final SettableClock clock = new SettableClock(MONDAY);
    private final ReferenceStore store = ReferenceStore.correct();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();
    private final ComplaintId unknown = ComplaintId.random();

    @Test
    void aComplaintIsFoundByIdAndAnUnknownIdIsNamed() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertEquals(Optional.of(c), complaints.find(c.id()));
        assertEquals(c, complaints.get(c.id()));
        assertEquals(Optional.empty(), complaints.find(unknown));
        ComplaintNotFoundException e = assertThrows(ComplaintNotFoundException.class, () -> complaints.get(unknown));
        assertTrue(e.getMessage().contains(unknown.toString()), e.getMessage());
        assertThrows(ComplaintNotFoundException.class,
                () -> complaints.execute(unknown, Command.Triage.asReceived(), Fixtures.OFFICER));
    }

    @Test
    void theStateAsOfAnInstantIsTheStateAfterTheEventsByThen() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        clock.advance(Duration.ofHours(2));
        complaints.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        Instant triagedAt = clock.instant();
        assertEquals(Optional.empty(), complaints.stateAsOf(c.id(), MONDAY.minusNanos(1000), KnownAt.latest()), "not received yet");
        assertEquals(Status.RECEIVED, complaints.stateAsOf(c.id(), triagedAt.minusNanos(1000), KnownAt.latest()).orElseThrow().status());
        assertEquals(Status.TRIAGED, complaints.stateAsOf(c.id(), triagedAt, KnownAt.latest()).orElseThrow().status());
        assertEquals(Status.RECEIVED,
                complaints.stateAsOf(c.id(), triagedAt, KnownAt.of(triagedAt.minusNanos(1000))).orElseThrow().status(),
                "as known before the triage was recorded");
        assertEquals(Optional.empty(), complaints.stateAsOf(unknown, triagedAt, KnownAt.latest()));
        assertEquals(Optional.empty(), complaints.slaStatus(unknown, triagedAt, KnownAt.latest()));
        assertEquals(Optional.empty(), complaints.slaStatus(c.id(), MONDAY.minusNanos(1000), KnownAt.latest()));
    }

    @Test
    void aCommandOnTheVersionTheUserSawIsIssuedAndOnAStaleOneChangesNothing() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        Complaint triaged = complaints.execute(c.id(), 1, Command.Triage.asReceived(), Fixtures.OFFICER);
        assertEquals(2, triaged.version());
        List<ComplaintEvent> before = complaints.history(c.id());
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> complaints.execute(c.id(), 1,
                new Command.Allocate("jo", "VoC"), Fixtures.OFFICER));
        assertEquals(1, e.expectedVersion());
        assertEquals(2, e.actualVersion());
        assertEquals(before, complaints.history(c.id()));
        assertEquals(Status.ALLOCATED,
                complaints.execute(c.id(), 2, new Command.Allocate("jo", "VoC"), Fixtures.OFFICER).status());
    }

    @Test
    void generatedReferencesCarryTheCouncilsPrefix() {
        Complaints lbx = Complaints.builder(store).clock(clock).referencePrefix("LBX2").build();
        assertEquals("LBX2-2022-000001", Fixtures.receive(lbx, Procedure.CORPORATE, ServiceArea.CORPORATE).reference());
        assertEquals("CMP-2022-000002",
                Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE).reference());
        for (String bad : new String[] {"lbx", "2LBX", "ABCDEFGHIJK", "", "LB-X"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Complaints.builder(store).referencePrefix(bad));
            assertTrue(e.getMessage().contains("referencePrefix") && e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Complaints.builder(store).referencePrefix(null));
        assertEquals("ABCDEFGHIJ-2022-000003", Fixtures.receive(
                Complaints.builder(store).clock(clock).referencePrefix("ABCDEFGHIJ").build(), Procedure.CORPORATE,
                ServiceArea.CORPORATE).reference(), "ten characters at most");
    }

    @Test
    void theCouncilsTimescalesAndCalendarSetTheClocks() {
        SlaPolicy policy = SlaPolicy.builder().triage(24, HourKind.CALENDAR).build();
        // the council closes on Wednesday 12 January 2022
        WorkingCalendar calendar = WorkingCalendar.builder().addClosureDay(LocalDate.of(2022, 1, 12)).build();
        Complaints council = Complaints.builder(store).clock(clock).slaPolicy(policy).calendar(calendar).build();
        assertSame(policy, council.sla().policy());
        assertSame(calendar, council.sla().calendar());
        Complaint c = Fixtures.receive(council, Procedure.CORPORATE, ServiceArea.CORPORATE);
        var status = council.slaStatus(c.id(), MONDAY.plusSeconds(60), KnownAt.latest()).orElseThrow();
        assertEquals(Instant.parse("2022-01-11T09:00:00Z"),
                status.clock(ClockKind.TRIAGE, Stage.STAGE_1).orElseThrow().due(), "24 calendar hours");
        assertEquals(LocalDate.of(2022, 1, 18),
                status.clock(ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).orElseThrow().dueDate(),
                "5 working days without the closure day: 11, 13, 14, 17, 18 January");
        var defaults = complaints.slaStatus(c.id(), MONDAY.plusSeconds(60), KnownAt.latest()).orElseThrow();
        assertEquals(LocalDate.of(2022, 1, 17),
                defaults.clock(ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).orElseThrow().dueDate());
    }
}
