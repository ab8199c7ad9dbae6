package uk.councilcomplaints.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/** The checks pass on what the ledger says happened, and fail on a lost, a doubled or a refused command's event. */
class ChecksTest {

    private static final Instant NOW = Instant.parse("2022-03-01T10:00:00Z");
    private static final LocalDate TODAY = LondonDays.dayOf(NOW);

    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final Complaints complaints = Complaints.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final Ledger ledger = new Ledger();

    private Complaint issue(String tag, Supplier<Complaint> command) {
        ledger.issue(tag);
        Complaint c = command.get();
        ledger.accept(tag, "TEST", c);
        return c;
    }

    private Complaint receive(String tag) {
        return issue(tag, () -> complaints.receive(CommandMix.contact(new SplittableRandom(1), NOW), Audit.by(tag)));
    }

    private Map<String, Boolean> verdicts(long stored) {
        return Checks.verify(List.of(store), ledger, stored, TODAY).stream()
                .collect(Collectors.toMap(Checks.Check::name, Checks.Check::passed));
    }

    @Test
    void passWhenTheStoreHoldsWhatTheLedgerSays() {
        Complaint c = receive("t1");
        issue("t2", () -> complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("t2")));
        receive("t3");
        assertEquals(List.of(true), verdicts(0).values().stream().distinct().toList(), verdicts(0).toString());
    }

    @Test
    void anAcceptedCommandMissingFromItsHistoryIsALostUpdate() {
        Complaint c = receive("t1");
        Complaint triaged = complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("t2"));
        ledger.issue("t9");
        ledger.accept("t9", "TRIAGE", triaged); // the store said it took t9, but its history has t2 there
        Map<String, Boolean> verdicts = verdicts(0);
        assertEquals(false, verdicts.get("no lost update"));
        assertEquals(false, verdicts.get("nothing from refused commands")); // t2 was never recorded as issued
        assertEquals(true, verdicts.get("histories consistent"));
    }

    @Test
    void anEventOfARefusedCommandIsFound() {
        Complaint c = receive("t1");
        ledger.issue("t2");
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("t2"));
        ledger.conflict(); // as if it had been refused, though stored
        Map<String, Boolean> verdicts = verdicts(0);
        assertEquals(false, verdicts.get("nothing from refused commands"));
        assertEquals(true, verdicts.get("no lost update"));
    }

    @Test
    void aComplaintNotAccountedForFailsTheCount() {
        receive("t1");
        complaints.receive(CommandMix.contact(new SplittableRandom(2), NOW), Audit.by("someone else"));
        Map<String, Boolean> verdicts = verdicts(0);
        assertEquals(false, verdicts.get("every complaint stored"));
        assertEquals(true, verdicts(1).get("every complaint stored"));
    }
}
