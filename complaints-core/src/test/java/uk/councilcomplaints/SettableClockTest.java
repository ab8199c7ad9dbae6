package uk.councilcomplaints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettableClockTest {

    @Test
    void itShowsWhatItIsSetToAndAViewInAnotherZoneFollowsIt() {
        SettableClock clock = SettableClock.at("2022-06-15T23:30:00Z");
        SettableClock london = clock.withZone(ZoneId.of("Europe/London"));
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(LocalDate.of(2022, 6, 15), LocalDate.now(clock));
        assertEquals(LocalDate.of(2022, 6, 16), LocalDate.now(london), "00:30 BST");
        assertEquals(Instant.parse("2022-06-16T00:30:00Z"), clock.advance(Duration.ofHours(1)));
        assertEquals(Instant.parse("2022-06-16T00:30:00Z"), london.instant());
        london.set(Instant.parse("2021-12-01T09:00:00Z"));
        assertEquals(Instant.parse("2021-12-01T09:00:00Z"), clock.instant());
    }
}
