package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.Commit;

/**
 * No drift: instants come back as they went in, to the microsecond, whatever the JVM's default zone when
 * they are written and when they are read, across both clock changes of 2022 in London and far in the future.
 */
class InstantsTest {

    private static final TimeZone ORIGINAL = TimeZone.getDefault();

    /** Around the spring change (01:00 UTC, 27 March) and the autumn one (01:00 UTC, 30 October), and beyond. */
    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2022-03-27T00:59:59.999999Z"),
            Instant.parse("2022-03-27T01:00:00Z"),
            Instant.parse("2022-03-27T01:30:00.000001Z"),
            Instant.parse("2022-10-30T00:30:00.123456Z"),
            Instant.parse("2022-10-30T01:00:00Z"),
            Instant.parse("2022-10-30T01:30:00.5Z"),
            Instant.parse("2199-12-31T23:59:59.999999Z"));

    private static final List<String> ZONES = List.of("Europe/London", "Pacific/Chatham", "America/St_Johns",
            "Asia/Kathmandu", "UTC");

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(ORIGINAL);
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void instantsRoundTripInEveryDefaultZone(Databases db) {
        JdbcComplaintStore store = db.store();
        for (int w = 0; w < ZONES.size(); w++) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZONES.get(w)));
            for (Instant instant : INSTANTS) {
                Complaint stored = receive(store, instant, "Z" + w + "-" + instant.toEpochMilli());
                for (String readZone : ZONES) {
                    TimeZone.setDefault(TimeZone.getTimeZone(readZone));
                    Complaint loaded = store.load(stored.id()).orElseThrow();
                    assertEquals(instant, loaded.receivedAt(), "written in " + ZONES.get(w) + ", read in " + readZone);
                    assertEquals(instant, loaded.lastOccurredAt());
                    ComplaintEvent event = store.history(stored.id()).get(0);
                    assertEquals(instant, event.occurredAt());
                    assertEquals(instant.plusNanos(1_000), event.recordedAt());
                    assertEquals(stored, loaded);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void nanosecondsBeyondTheMicrosecondNeverReachTheStore(Databases db) {
        JdbcComplaintStore store = db.store();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of("Europe/London")));
        Instant withNanos = Instant.parse("2022-10-30T01:59:59.999999999Z");
        // the facade truncates to microseconds; a commit made by hand with finer times is refused before the store
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> receive(store, withNanos, "NANOS"));
        assertTrue(e.getMessage().contains("microseconds"), e.getMessage());
        Complaint stored = receive(store, withNanos.truncatedTo(ChronoUnit.MICROS), "MICROS");
        assertEquals(Instant.parse("2022-10-30T01:59:59.999999Z"), store.load(stored.id()).orElseThrow().receivedAt());
        assertEquals(Instant.parse("2022-10-30T01:59:59.999999Z"), store.history(stored.id()).get(0).occurredAt());
    }

    /** A complaint received at {@code at} and recorded a microsecond later, written straight to the store. */
    private static Complaint receive(JdbcComplaintStore store, Instant at, String reference) {
        ComplaintId id = ComplaintId.random();
        ComplaintEvent received = new ComplaintEvent(id, 1, Status.RECEIVED, at, at.plusNanos(1_000), "importer",
                Optional.empty(), new EventData.Received(reference, Procedure.CORPORATE, ServiceArea.CORPORATE,
                        Channel.LETTER, Optional.empty()));
        Complaint state = new ComplaintHistory(List.of(received)).current();
        store.append(Commit.of(0, List.of(received), state));
        return state;
    }
}
