package uk.councilcomplaints;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock set and advanced by hand, part of the API on purpose: for tests, which never sleep, and for
 * importers that replay the moments of an old record so each event is recorded at its own time (the example
 * data set does). Inject it with {@code Complaints.builder(store).clock(clock)}. Thread-safe; its zone is UTC
 * unless a view in another zone is asked for, and every view shares the one instant.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock showing {@code start} until set or advanced. */
    public SettableClock(Instant start) {
        this(new AtomicReference<>(requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock showing the ISO instant {@code isoInstant}, e.g. {@code 2022-01-10T09:00:00Z}. */
    public static SettableClock at(String isoInstant) {
        return new SettableClock(Instant.parse(isoInstant));
    }

    /** Shows {@code instant} from now on. */
    public void set(Instant instant) {
        now.set(requireNonNull(instant, "instant"));
    }

    /** Moves the clock forward (or back, for a negative duration); returns the new instant. */
    public Instant advance(Duration by) {
        requireNonNull(by, "by");
        return now.updateAndGet(i -> i.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in {@code zone} of the same settable instant. */
    @Override
    public SettableClock withZone(ZoneId zone) {
        return new SettableClock(now, requireNonNull(zone, "zone"));
    }
}
