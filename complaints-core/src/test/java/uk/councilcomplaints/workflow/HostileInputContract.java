package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.HostileInputs;
import uk.councilcomplaints.testing.HostileInputs.Field;
import uk.councilcomplaints.testing.HostileInputs.HostileInput;

/**
 * Runs the {@link HostileInputs} corpus through the {@link Complaints} facade on a store: every input is either
 * rejected with a message naming its field, changing nothing in the store, or stored and read back exactly as
 * given (through {@code load}, {@code personalData} and {@code history}), changing no other complaint. One store
 * takes the whole corpus in turn, so every case also checks that the ones before it left the rest alone.
 */
public abstract class HostileInputContract {

    /** A new, empty store. */
    protected abstract ComplaintStore createStore();

    private static final Audit CLERK = Audit.by("clerk");

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsStoredExactlyOrRejectedNamingItsField() {
        ComplaintStore store = createStore();
        SettableClock clock = new SettableClock(HostileInputs.NOW);
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        AtomicInteger areas = new AtomicInteger();
        List<HostileInput> corpus = HostileInputs.corpus();
        assertTrue(corpus.size() >= 100, "a corpus of " + corpus.size());
        return corpus.stream().map(input -> DynamicTest.dynamicTest(input.toString(),
                () -> run(store, complaints, input, areas.incrementAndGet())));
    }

    private static void run(ComplaintStore store, Complaints complaints, HostileInput input, int n) {
        Optional<ComplaintId> prepared = prepare(complaints, input.field());
        Map<ComplaintId, String> before = snapshot(store);
        ComplaintId id;
        try {
            id = apply(complaints, input, prepared, n);
        } catch (RuntimeException e) {
            if (input.stored()) {
                throw new AssertionError(input + " but was refused: " + e, e);
            }
            namesTheField(e, input);
            assertEquals(before, snapshot(store), input + ": a rejected command changes nothing");
            return;
        }
        if (!input.stored()) {
            fail(input + " but was accepted");
        }
        readsBackExactly(store, id, input);
        Map<ComplaintId, String> after = snapshot(store);
        after.remove(id);
        before.remove(id);
        assertEquals(before, after, input + ": other complaints unchanged");
    }

    /** What the hostile command needs first: a complaint triaged, or ready for an agreed date. */
    private static Optional<ComplaintId> prepare(Complaints complaints, Field field) {
        Instant earlier = HostileInputs.NOW.minus(Duration.ofDays(3));
        Audit late = Audit.by("clerk").because("entered late");
        switch (field) {
            case OFFICER, TEAM, OCCURRED_AT -> {
                Complaint c = complaints.receive(contact(earlier), late);
                if (field != Field.OCCURRED_AT) {
                    complaints.execute(c.id(), Command.Triage.asReceived(), CLERK);
                }
                return Optional.of(c.id());
            }
            case AGREED_DATE -> {
                Complaint c = complaints.receive(ReceiveContact.of(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS,
                        Channel.LETTER, earlier, Complainant.named("A. Resident"), "Care package"), late);
                complaints.execute(c.id(), Command.Triage.asReceived(), CLERK);
                complaints.execute(c.id(), new Command.Allocate("jo", "Adults"), CLERK);
                complaints.execute(c.id(), new Command.Acknowledge(), CLERK);
                return Optional.of(c.id());
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static ReceiveContact contact(Instant receivedAt) {
        return new ReceiveContact(Optional.empty(), Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL,
                receivedAt, Optional.empty(), new Complainant("A. Resident", Optional.of("resident@example.org"),
                        Optional.of("029 2087 2087"), Optional.of("1 Heol y Frenhines")), "Bins not collected");
    }

    /** Issues the command carrying the input; the complaint it made or changed. */
    private static ComplaintId apply(Complaints complaints, HostileInput input, Optional<ComplaintId> prepared,
            int n) {
        Object v = input.value();
        ReceiveContact base = contact(HostileInputs.NOW.minus(Duration.ofHours(1)));
        Complainant who = base.complainant();
        ReceiveContact contact = switch (input.field()) {
            case REFERENCE -> new ReceiveContact(optional(v), base.procedure(), base.serviceArea(), base.channel(),
                    base.receivedAt(), base.matterDate(), who, base.summary());
            case NAME -> with(base, new Complainant((String) v, who.email(), who.phone(), who.address()));
            case EMAIL -> with(base, new Complainant(who.name(), optional(v), who.phone(), who.address()));
            case PHONE -> with(base, new Complainant(who.name(), who.email(), optional(v), who.address()));
            case ADDRESS -> with(base, new Complainant(who.name(), who.email(), who.phone(), optional(v)));
            case SUMMARY -> new ReceiveContact(base.reference(), base.procedure(), base.serviceArea(), base.channel(),
                    base.receivedAt(), base.matterDate(), who, (String) v);
            case SERVICE_AREA_NAME -> new ReceiveContact(base.reference(), base.procedure(),
                    ServiceArea.of("hostile-" + n, (String) v), base.channel(), base.receivedAt(), base.matterDate(),
                    who, base.summary());
            case RECEIVED_AT -> new ReceiveContact(base.reference(), base.procedure(), base.serviceArea(),
                    base.channel(), (Instant) v, base.matterDate(), who, base.summary());
            case MATTER_DATE -> new ReceiveContact(base.reference(), base.procedure(), base.serviceArea(),
                    base.channel(), base.receivedAt(), optional(v), who, base.summary());
            default -> base;
        };
        switch (input.field()) {
            case ACTOR -> {
                return complaints.receive(contact, new Audit((String) v, Optional.empty(), Optional.empty())).id();
            }
            case REASON -> {
                return complaints.receive(contact, new Audit("clerk", optional(v), Optional.empty())).id();
            }
            case OFFICER -> {
                return complaints.execute(prepared.orElseThrow(), new Command.Allocate((String) v, "Team"), CLERK).id();
            }
            case TEAM -> {
                return complaints.execute(prepared.orElseThrow(), new Command.Allocate("jo", (String) v), CLERK).id();
            }
            case OCCURRED_AT -> {
                return complaints.execute(prepared.orElseThrow(), Command.Triage.asReceived(),
                        new Audit("clerk", Optional.of("posted on Saturday"), optional(v))).id();
            }
            case AGREED_DATE -> {
                return complaints.execute(prepared.orElseThrow(), new Command.AgreeResponseDate((LocalDate) v),
                        CLERK.because("agreed on the phone")).id();
            }
            default -> {
                return complaints.receive(contact, CLERK).id();
            }
        }
    }

    private static ReceiveContact with(ReceiveContact c, Complainant complainant) {
        return new ReceiveContact(c.reference(), c.procedure(), c.serviceArea(), c.channel(), c.receivedAt(),
                c.matterDate(), complainant, c.summary());
    }

    /** The input as an optional field: null stays null (a caller's mistake the validator must name). */
    @SuppressWarnings("unchecked")
    private static <T> Optional<T> optional(Object value) {
        return value == null ? null : Optional.of((T) value);
    }

    private static void namesTheField(RuntimeException e, HostileInput input) {
        String path = input.field().path();
        if (e instanceof InvalidCommandException invalid) {
            assertEquals(List.of(path), invalid.violations().stream().map(Violation::path).distinct().toList(),
                    input + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(path + ": "), input + ": " + e.getMessage());
        } else {
            // a value refused on construction (a service area) says which
            assertInstanceOf(IllegalArgumentException.class, e, input + ": " + e);
            assertTrue(e.getMessage().contains(path), input + ": " + e.getMessage());
        }
        assertTrue(e.getMessage().length() < 2_000, input + ": the message does not repeat the input");
    }

    private static void readsBackExactly(ComplaintStore store, ComplaintId id, HostileInput input) {
        Complaint c = store.load(id).orElseThrow();
        List<ComplaintEvent> history = store.history(id);
        assertEquals(new ComplaintHistory(history).current(), c, input + ": the state is the fold of its history");
        ComplaintEvent last = history.get(history.size() - 1);
        PersonalData personal = store.personalData(id).orElseThrow();
        EventData.Received received = (EventData.Received) history.get(0).data();
        Object want = input.readBack();
        Object got = switch (input.field()) {
            case REFERENCE -> {
                assertEquals(want, received.reference(), input.toString());
                yield c.reference();
            }
            case NAME -> personal.complainant().name();
            case EMAIL -> personal.complainant().email().orElseThrow();
            case PHONE -> personal.complainant().phone().orElseThrow();
            case ADDRESS -> personal.complainant().address().orElseThrow();
            case SUMMARY -> personal.summary();
            case ACTOR -> last.actor();
            case REASON -> last.reason().orElseThrow();
            case OFFICER -> {
                assertEquals(want, ((EventData.Allocated) last.data()).officer(), input.toString());
                yield c.officer().orElseThrow();
            }
            case TEAM -> {
                assertEquals(want, ((EventData.Allocated) last.data()).team(), input.toString());
                yield c.team().orElseThrow();
            }
            case SERVICE_AREA_NAME -> {
                assertEquals(want, received.serviceArea().name(), input.toString());
                yield c.serviceArea().name();
            }
            case RECEIVED_AT -> {
                assertEquals(want, history.get(0).occurredAt(), input.toString());
                yield c.receivedAt();
            }
            case MATTER_DATE -> c.matterDate().orElseThrow();
            case OCCURRED_AT -> last.occurredAt();
            case AGREED_DATE -> c.agreedResponseDate().orElseThrow();
        };
        assertEquals(want, got, input + ": read back");
        if (want instanceof String text) {
            assertEquals(text.codePoints().boxed().toList(), ((String) got).codePoints().boxed().toList(),
                    input + ": the same code points");
        }
    }

    /** Every complaint's history and personal data, as text, by id. */
    private static Map<ComplaintId, String> snapshot(ComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.collect(Collectors.toMap(h -> h.current().id(),
                    h -> h.events() + " " + store.personalData(h.current().id()).map(p -> p.complainant().name()
                            + "|" + p.complainant().email() + "|" + p.complainant().phone() + "|"
                            + p.complainant().address() + "|" + p.summary()).orElse("erased"),
                    (a, b) -> a + b, TreeMap::new));
        }
    }
}
