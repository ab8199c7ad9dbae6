package uk.councilcomplaints.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.workflow.CommandType;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The random histories the report contract plays exercise what they claim: every command type accepted
 * (a new type fails this test until the generator issues it), duplicate and out-of-time closures, stages 2
 * and 3, late entries with a reason, histories spanning years and both days the clocks change.
 */
class RandomHistoriesCoverageTest {

    private static final int HISTORIES = 100;
    private static final int STEPS = 80;
    private static final LocalDate SHORT_DAY = LocalDate.of(2022, 3, 27);
    private static final LocalDate LONG_DAY = LocalDate.of(2022, 10, 30);

    private static final Map<CommandType, Integer> ACCEPTED = new EnumMap<>(CommandType.class);
    private static final List<ComplaintHistory> HISTORIES_PLAYED = new ArrayList<>();

    @BeforeAll
    static void play() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            Random random = new Random(seed);
            List<Integer> steps = Stream.generate(() -> random.nextInt(Integer.MAX_VALUE)).limit(STEPS).toList();
            ComplaintStore store = ReferenceStore.correct();
            SettableClock clock = new SettableClock(RandomHistories.START);
            RandomHistories player = new RandomHistories(Complaints.builder(store).clock(clock).build(), clock);
            player.play(steps, true);
            player.accepted().forEach((type, n) -> ACCEPTED.merge(type, n, Integer::sum));
            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                all.forEach(HISTORIES_PLAYED::add);
            }
        }
    }

    private static Stream<ComplaintEvent> events() {
        return HISTORIES_PLAYED.stream().flatMap(h -> h.events().stream());
    }

    @Test
    void everyCommandTypeIsAccepted() {
        Set<CommandType> missing = EnumSet.allOf(CommandType.class);
        missing.removeAll(ACCEPTED.keySet());
        assertEquals(Set.of(), missing, "never accepted in " + HISTORIES + " random histories: " + ACCEPTED);
    }

    @Test
    void duplicateAndOutOfTimeClosuresHappen() {
        Set<ClosureReason> reasons = EnumSet.noneOf(ClosureReason.class);
        events().map(ComplaintEvent::data).filter(EventData.Closed.class::isInstance)
                .forEach(d -> reasons.add(((EventData.Closed) d).reason()));
        assertEquals(EnumSet.allOf(ClosureReason.class), reasons);
    }

    @Test
    void everyProcedureIsReceivedAndEscalatedUnderWhereItHasAStage2() {
        Set<Procedure> received = EnumSet.noneOf(Procedure.class);
        events().map(ComplaintEvent::data).filter(EventData.Received.class::isInstance)
                .forEach(d -> received.add(((EventData.Received) d).procedure()));
        assertEquals(EnumSet.allOf(Procedure.class), received);
        Set<Procedure> escalated = EnumSet.noneOf(Procedure.class);
        for (ComplaintHistory h : HISTORIES_PLAYED) {
            Procedure procedure = null;
            for (ComplaintEvent e : h.events()) {
                if (e.data() instanceof EventData.Received r) {
                    procedure = r.procedure();
                } else if (e.data() instanceof EventData.Triaged t) {
                    procedure = t.procedure();
                } else if (e.data() instanceof EventData.Escalated) {
                    escalated.add(procedure);
                }
            }
        }
        assertEquals(EnumSet.of(Procedure.CHILDRENS_SOCIAL_CARE, Procedure.CORPORATE, Procedure.HOUSING), escalated);
    }

    @Test
    void complaintsEscalateToStagesTwoAndThree() {
        Set<Stage> reached = EnumSet.noneOf(Stage.class);
        events().map(ComplaintEvent::data).filter(EventData.Escalated.class::isInstance)
                .forEach(d -> reached.add(((EventData.Escalated) d).to()));
        assertEquals(EnumSet.of(Stage.STAGE_2, Stage.STAGE_3), reached);
    }

    @Test
    void lateEntriesCarryAReason() {
        List<ComplaintEvent> late = events()
                .filter(e -> Duration.between(e.occurredAt(), e.recordedAt()).compareTo(Duration.ofDays(1)) > 0)
                .toList();
        assertTrue(late.size() > 50, "late entries: " + late.size());
        assertTrue(late.stream().allMatch(e -> e.reason().isPresent()));
    }

    @Test
    void historiesSpanYearsAndBothDaysTheClocksChange() {
        assertTrue(HISTORIES_PLAYED.stream().anyMatch(h -> Duration.between(h.events().get(0).occurredAt(),
                h.events().get(h.events().size() - 1).occurredAt()).toDays() > 365), "a history spans a year");
        for (LocalDate day : List.of(SHORT_DAY, LONG_DAY)) {
            assertTrue(events().anyMatch(e -> LondonDays.dayOf(e.occurredAt()).equals(day)), "events on " + day);
            assertTrue(HISTORIES_PLAYED.stream().anyMatch(h -> LondonDays.dayOf(h.events().get(0).occurredAt())
                    .isBefore(day) && LondonDays.dayOf(h.events().get(h.events().size() - 1).occurredAt())
                    .isAfter(day)), "a history across " + day);
        }
        assertEquals(23, Duration.between(LondonDays.startOf(SHORT_DAY), LondonDays.endOf(SHORT_DAY)).toHours());
        assertEquals(25, Duration.between(LondonDays.startOf(LONG_DAY), LondonDays.endOf(LONG_DAY)).toHours());
    }
}
