package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.HandHistory.received;
import static uk.councilcomplaints.testing.HandHistory.receivedLate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.CountQuery.Dimension;
import uk.councilcomplaints.testing.HandHistory;

class CountQueryTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2022, 6, 30);
    private static final LocalDate JULY_1 = LocalDate.of(2022, 7, 1);
    private static final GroupKey CORPORATE = new GroupKey(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(ServiceArea.CORPORATE), Optional.empty(), Optional.empty());

    private static CountQuery byArea(CountQuery.Population population, Optional<Instant> knownAt, LocalDate... days) {
        return CountQuery.of(population, Set.of(Dimension.SERVICE_AREA), List.of(days), knownAt);
    }

    private static GroupCounts count(CountQuery query, HandHistory... histories) {
        return query.count(Stream.of(histories).map(HandHistory::build));
    }

    @Test
    void aDayEndsAtMidnightInLondon() {
        // 23:59:59 BST on 30 June is 22:59:59Z; midnight BST is 23:00Z
        HandHistory lastSecond = received("2022-06-30T22:59:59Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory midnight = received("2022-06-30T23:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        GroupCounts counts = count(byArea(new CountQuery.All(Optional.empty()), Optional.empty(),
                JUNE_30.minusDays(1), JUNE_30, JULY_1), lastSecond, midnight);
        assertEquals(Set.of(JUNE_30, JULY_1), counts.days(), "nothing on 29 June");
        assertEquals(1, counts.count(JUNE_30, CORPORATE, StatusBucket.UNALLOCATED));
        assertEquals(2, counts.count(JULY_1, CORPORATE, StatusBucket.UNALLOCATED));
    }

    @Test
    void knownAtCountsOnlyWhatWasRecordedByThenToTheMicrosecond() {
        HandHistory late = receivedLate("2022-06-30T10:00:00Z", "2022-07-04T09:00:00Z", Procedure.CORPORATE,
                ServiceArea.CORPORATE);
        Instant recorded = Instant.parse("2022-07-04T09:00:00Z");
        CountQuery justBefore = byArea(new CountQuery.All(Optional.empty()),
                Optional.of(recorded.minusNanos(1)), JUNE_30);
        assertEquals(Optional.of(recorded.minusNanos(1000)), justBefore.knownAt(), "taken to the microsecond");
        assertTrue(count(justBefore, late).days().isEmpty());
        assertEquals(1, count(byArea(new CountQuery.All(Optional.empty()), Optional.of(recorded), JUNE_30), late)
                .count(JUNE_30, CORPORATE, StatusBucket.UNALLOCATED));
    }

    @Test
    void populationsAdmitByTheirOwnRules() {
        HandHistory before = received("2022-06-29T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory recordedLate = receivedLate("2022-06-30T09:00:00Z", "2022-07-02T09:00:00Z", Procedure.CORPORATE,
                ServiceArea.CORPORATE);
        HandHistory closed = received("2022-06-30T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .withdrawn("2022-06-30T22:59:59Z");
        CountQuery receivedOn30 = byArea(new CountQuery.ReceivedBetween(JUNE_30, JUNE_30, Optional.empty()),
                Optional.empty(), JULY_1);
        assertEquals(2, total(count(receivedOn30, before, recordedLate, closed), JULY_1));
        CountQuery receivedOn30AsKnownOnJuly1 = byArea(new CountQuery.ReceivedBetween(JUNE_30, JUNE_30,
                Optional.of(Instant.parse("2022-07-01T12:00:00Z"))), Optional.empty(), JULY_1);
        assertEquals(1, total(count(receivedOn30AsKnownOnJuly1, before, recordedLate, closed), JULY_1));
        CountQuery openOnJuly1 = byArea(new CountQuery.OpenAtStartOf(JULY_1, Optional.empty()), Optional.empty(),
                JULY_1);
        assertEquals(2, total(count(openOnJuly1, before, recordedLate, closed), JULY_1), "the withdrawn one is not");
        CountQuery all = byArea(new CountQuery.All(Optional.of(Instant.parse("2022-07-01T12:00:00Z"))),
                Optional.empty(), JULY_1);
        assertEquals(2, total(count(all, before, recordedLate, closed), JULY_1), "recorded by noon on 1 July");
    }

    private static long total(GroupCounts counts, LocalDate day) {
        long sum = 0;
        for (GroupKey key : counts.keys(day)) {
            for (StatusBucket b : StatusBucket.values()) {
                sum += counts.count(day, key, b);
            }
        }
        return sum;
    }

    @Test
    void aQueryNamesEachDayOnceAndAtLeastOne() {
        CountQuery.Population all = new CountQuery.All(Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> byArea(all, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> byArea(all, Optional.empty(), JUNE_30, JUNE_30));
        assertThrows(IllegalArgumentException.class,
                () -> new CountQuery.ReceivedBetween(JULY_1, JUNE_30, Optional.empty()));
    }

    @Test
    void countsAddUpAndOnlyGroupsWithComplaintsAppear() {
        GroupCounts.Builder b = GroupCounts.builder().add(JUNE_30, CORPORATE, StatusBucket.COMPLETE, 2)
                .add(JUNE_30, CORPORATE, StatusBucket.COMPLETE, 3);
        assertThrows(IllegalArgumentException.class, () -> b.add(JUNE_30, CORPORATE, StatusBucket.COMPLETE, 0));
        GroupCounts counts = b.build();
        assertEquals(5, counts.count(JUNE_30, CORPORATE, StatusBucket.COMPLETE));
        assertEquals(0, counts.count(JULY_1, CORPORATE, StatusBucket.COMPLETE));
        assertEquals(counts, GroupCounts.builder().add(JUNE_30, CORPORATE, StatusBucket.COMPLETE, 5).build());
        assertFalse(counts.equals(GroupCounts.builder().add(JUNE_30, CORPORATE, StatusBucket.CLOSED_OTHER, 5).build()));
    }

    @Test
    void historyFiltersWantOpenComplaintsAtAnInstantOrOnesActiveInAPeriod() {
        ComplaintHistory withdrawn = received("2022-06-30T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .withdrawn("2022-07-05T10:00:00Z").build();
        Instant closedAt = Instant.parse("2022-07-05T10:00:00Z");
        assertTrue(HistoryFilter.openAt(closedAt.minusNanos(1000), KnownAt.latest()).matches(withdrawn));
        assertFalse(HistoryFilter.openAt(closedAt, KnownAt.latest()).matches(withdrawn));
        assertTrue(HistoryFilter.openAt(closedAt, KnownAt.of(closedAt.minusNanos(1000))).matches(withdrawn), "not yet recorded");
        assertFalse(HistoryFilter.openAt(Instant.parse("2022-06-30T09:59:59Z"), KnownAt.latest()).matches(withdrawn),
                "not yet received");
        assertTrue(HistoryFilter.activeBetween(closedAt, closedAt.plusSeconds(1)).matches(withdrawn));
        assertFalse(HistoryFilter.activeBetween(closedAt.minusSeconds(1), closedAt).matches(withdrawn));
        assertFalse(HistoryFilter.activeBetween(Instant.parse("2022-07-01T00:00:00Z"), closedAt).matches(withdrawn));
        assertThrows(IllegalArgumentException.class, () -> HistoryFilter.activeBetween(closedAt, closedAt));
    }
}
