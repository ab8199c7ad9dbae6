package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.States;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Two councils in one database, holding a complaint with the same id and the same reference: each store
 * sees, changes and counts only its own council's rows.
 */
class CouncilIsolationTest {

    private static final Instant AT = Instant.parse("2022-06-01T09:00:00Z");

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void eachCouncilSeesOnlyItsOwn(Databases db) {
        JdbcComplaintStore north = db.store();
        JdbcComplaintStore south = db.store();
        ComplaintId id = ComplaintId.random();
        Complaint inNorth = receive(north, id, "Mr North");
        Complaint inSouth = receive(south, id, "Ms South");
        assertEquals(inNorth, inSouth, "the same complaint, as far as the facts go");

        SettableClock clock = new SettableClock(AT.plusSeconds(3600));
        Complaints northDesk = Complaints.builder(north).clock(clock).build();
        northDesk.execute(id, Command.Triage.asReceived(), Audit.by("north.officer"));
        Complaint allocated = northDesk.execute(id, new Command.Allocate("n.one", "North team"),
                Audit.by("north.officer"));

        assertEquals(Optional.of(allocated), north.load(id));
        assertEquals(Optional.of(inSouth), south.load(id), "the other council's complaint is untouched");
        assertEquals(3, north.history(id).size());
        assertEquals(1, south.history(id).size());
        assertEquals(List.of(allocated), north.find(ComplaintQuery.builder().reference("SAME-1").build()).items());
        assertEquals(List.of(inSouth), south.find(ComplaintQuery.builder().reference("SAME-1").build()).items());
        assertEquals(List.of(), south.find(ComplaintQuery.builder().officer("n.one").build()).items());
        assertEquals(List.of(List.of(3L)), versions(north));
        assertEquals(List.of(List.of(1L)), versions(south));

        assertEquals("Mr North", north.personalData(id).orElseThrow().complainant().name());
        assertEquals("Ms South", south.personalData(id).orElseThrow().complainant().name());
        northDesk.execute(id, new Command.ErasePersonalData(), Audit.by("dpo").because("retention period ended"));
        assertTrue(north.personalData(id).isEmpty());
        assertEquals("Ms South", south.personalData(id).orElseThrow().complainant().name());

        assertEquals(List.of(1L, 2L, 3L), List.of(north.nextReferenceNumber(2022), north.nextReferenceNumber(2022),
                north.nextReferenceNumber(2022)));
        assertEquals(1L, south.nextReferenceNumber(2022), "each council numbers its own references");
        assertEquals(1L, north.nextReferenceNumber(2023), "and each year");

        // south's writer, holding south's version 1, cannot move north's complaint (at version 4)
        ComplaintEvent triaged = new ComplaintEvent(id, 2, Status.TRIAGED, AT.plusSeconds(60), AT.plusSeconds(60),
                "south.officer", Optional.empty(), new EventData.Triaged(Procedure.CORPORATE, ServiceArea.CORPORATE));
        Complaint afterTriage = States.next(south.history(id), triaged);
        south.append(Commit.of(1, List.of(triaged), afterTriage));
        assertEquals(4, north.load(id).orElseThrow().version());
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> south.append(Commit.of(1, List.of(triaged), afterTriage)));
        assertEquals(2, e.actualVersion(), "south's own version, not north's");
    }

    /** The versions of each history the store streams. */
    private static List<List<Long>> versions(JdbcComplaintStore store) {
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
            return histories.map(h -> List.of((long) h.events().size())).toList();
        }
    }

    private static Complaint receive(JdbcComplaintStore store, ComplaintId id, String name) {
        ComplaintEvent received = new ComplaintEvent(id, 1, Status.RECEIVED, AT, AT, "contact.centre",
                Optional.empty(), new EventData.Received("SAME-1", Procedure.CORPORATE, ServiceArea.CORPORATE,
                        Channel.PHONE, Optional.empty()));
        Complaint state = new ComplaintHistory(List.of(received)).current();
        store.append(new Commit(id, 0, List.of(received), state,
                Optional.of(new PersonalData(Complainant.named(name), "a complaint")), false));
        return state;
    }
}
