package uk.councilcomplaints.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.testing.HandHistory;

/** A complaint comes from folding a history; its constructor refuses states no history reaches. */
class ComplaintTest {

    private static final Complaint RESPONDED = HandHistory.received("2022-01-03T09:00:00Z", Procedure.CORPORATE,
                    ServiceArea.CORPORATE)
            .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
            .allocated("2022-01-04T10:00:00Z", "jo", "VoC").acknowledged("2022-01-04T11:00:00Z")
            .responded("2022-01-10T09:00:00Z", Outcome.UPHELD).build().current();

    /** The same complaint with some components changed, through the public canonical constructor. */
    private static Complaint with(Complaint c, Map<String, Object> changes) throws Throwable {
        RecordComponent[] components = Complaint.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(c);
        }
        Constructor<Complaint> canonical = Complaint.class.getConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void refused(Map<String, Object> changes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(RESPONDED, changes),
                changes.toString());
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void theFoldedStateRebuildsThroughTheConstructor() throws Throwable {
        assertEquals(RESPONDED, with(RESPONDED, Map.of()));
    }

    @Test
    void statesNoHistoryReachesAreRefused() {
        Instant before = RESPONDED.receivedAt().minusSeconds(1);
        refused(Map.of("version", 0L));
        refused(Map.of("reference", " "));
        refused(Map.of("stage", Stage.STAGE_3));
        refused(Map.of("stageStartedAt", before));
        refused(Map.of("lastOccurredAt", before));
        refused(Map.of("acknowledgedAt", Optional.of(before)));
        refused(Map.of("respondedAt", Optional.of(RESPONDED.lastOccurredAt().plusSeconds(1))));
        refused(Map.of("team", Optional.empty()));
        refused(Map.of("classification", Classification.SERVICE_REQUEST));
        refused(Map.of("status", Status.SERVICE_REQUEST));
        refused(Map.of("status", Status.SIGNPOSTED, "classification", Classification.SERVICE_REQUEST));
        refused(Map.of("status", Status.WITHDRAWN));
        refused(Map.of("closureReason", Optional.of(ClosureReason.WITHDRAWN)));
        refused(Map.of("status", Status.WITHDRAWN, "closureReason", Optional.of(ClosureReason.DUPLICATE)));
        refused(Map.of("status", Status.DUPLICATE, "closureReason", Optional.of(ClosureReason.DUPLICATE)));
        refused(Map.of("status", Status.DUPLICATE, "closureReason", Optional.of(ClosureReason.DUPLICATE),
                "duplicateOf", Optional.of(RESPONDED.id())));
        refused(Map.of("duplicateOf", Optional.of(ComplaintId.random())));
        refused(Map.of("outcome", Optional.empty()));
        refused(Map.of("respondedAt", Optional.empty()));
        refused(Map.of("outcome", Optional.empty(), "respondedAt", Optional.empty()));
        refused(Map.of("status", Status.WITH_SERVICE, "outcome", Optional.empty(), "respondedAt", Optional.empty()));
        refused(Map.of("extensionWorkingDays", -1));
    }

    @Test
    void statesAHistoryCanReachAreAccepted() throws Throwable {
        // the same facts before the response: with the service, no outcome yet
        Complaint withService = with(RESPONDED, Map.of("status", Status.WITH_SERVICE, "outcome", Optional.empty(),
                "respondedAt", Optional.empty(), "remedies", Set.of()));
        assertEquals(StatusBucket.WITH_SERVICE, withService.bucket());
        Complaint duplicate = with(withService, Map.of("status", Status.DUPLICATE, "closureReason",
                Optional.of(ClosureReason.DUPLICATE), "duplicateOf", Optional.of(ComplaintId.random())));
        assertEquals(StatusBucket.CLOSED_OTHER, duplicate.bucket());
    }
}
