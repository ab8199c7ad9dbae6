package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;

/** One pass over histories computing a {@link MonthlyTrend}. */
final class MonthlyTrendFold {

    private static final GroupKey NO_GROUP = new GroupKey(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    private final SlaEvaluator sla;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant knownAt;
    private final Optional<Grouping> grouping;
    private final Instant start;
    private final Instant end;
    private final Map<YearMonth, Map<GroupKey, Tally>> months = new TreeMap<>();

    private static final class Tally {
        long received;
        long closed;
        long responded;
        long onTime;

        MonthlyTrend.Counts counts() {
            return new MonthlyTrend.Counts(received, closed, responded, onTime);
        }
    }

    MonthlyTrendFold(SlaEvaluator sla, LocalDate from, LocalDate to, Instant knownAt, Optional<Grouping> grouping) {
        checkArgument(!to.isBefore(from), "the period ends (%s) before it starts (%s)", to, from);
        this.sla = sla;
        this.from = from;
        this.to = to;
        this.knownAt = knownAt;
        this.grouping = grouping;
        this.start = LondonDays.startOf(from);
        this.end = LondonDays.endOf(to);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.put(m, new TreeMap<>(grouping.map(Grouping::order).orElse((a, b) -> 0)));
        }
    }

    /** The histories that can count: something happened in the period. */
    HistoryFilter wanted() {
        return HistoryFilter.activeBetween(start, end);
    }

    MonthlyTrend fold(Stream<ComplaintHistory> histories) {
        histories.forEach(this::add);
        List<MonthlyTrend.Row> rows = new ArrayList<>();
        MonthlyTrend.Counts total = new MonthlyTrend.Counts(0, 0, 0, 0);
        for (Map.Entry<YearMonth, Map<GroupKey, Tally>> month : months.entrySet()) {
            if (grouping.isEmpty()) {
                MonthlyTrend.Counts c = month.getValue().getOrDefault(NO_GROUP, new Tally()).counts();
                rows.add(new MonthlyTrend.Row(month.getKey(), "", c));
                total = total.plus(c);
                continue;
            }
            for (Map.Entry<GroupKey, Tally> group : month.getValue().entrySet()) {
                MonthlyTrend.Counts c = group.getValue().counts();
                rows.add(new MonthlyTrend.Row(month.getKey(), grouping.get().label(group.getKey()), c));
                total = total.plus(c);
            }
        }
        return new MonthlyTrend(from, to, knownAt, grouping, rows, total);
    }

    private boolean inPeriod(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private void add(ComplaintHistory history) {
        Instant last = end.minusNanos(1);
        Optional<Complaint> state = history.stateAsOf(last, knownAt);
        if (state.isEmpty()) {
            return;
        }
        GroupKey key = grouping.map(g -> g.keyOf(state.get())).orElse(NO_GROUP);
        if (inPeriod(state.get().receivedAt())) {
            tally(state.get().receivedAt(), key).received++;
        }
        boolean wasOpen = true;
        for (ComplaintEvent e : history.events()) {
            if (!e.visibleAt(last, knownAt)) {
                continue;
            }
            boolean open = e.status().open();
            if (wasOpen && !open && !e.occurredAt().isBefore(start)) {
                tally(e.occurredAt(), key).closed++;
            }
            wasOpen = open;
        }
        sla.evaluate(history, last, knownAt).ifPresent(status -> {
            for (SlaClock clock : status.clocks()) {
                if (clock.kind() == ClockKind.RESPONSE && clock.state().met() && inPeriod(clock.metAt().orElseThrow())) {
                    Tally t = tally(clock.metAt().orElseThrow(), key);
                    t.responded++;
                    t.onTime += clock.state() == ClockState.MET_ON_TIME ? 1 : 0;
                }
            }
        });
    }

    private Tally tally(Instant at, GroupKey key) {
        return months.get(YearMonth.from(LondonDays.dayOf(at))).computeIfAbsent(key, k -> new Tally());
    }
}
