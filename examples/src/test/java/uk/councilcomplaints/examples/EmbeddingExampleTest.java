package uk.councilcomplaints.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Status;

class EmbeddingExampleTest {

    @Test
    void theReadmeExampleRunsToAResponseAndReportsEveryCase() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Complaint c = EmbeddingExample.run(Clock.fixed(Instant.parse("2022-01-24T09:30:00Z"), ZoneOffset.UTC),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Status.RESPONDED, c.status());
        assertEquals("CMP-2022-000001", c.reference());
        assertTrue(out.contains("CMP-2022-000001 is RESPONDED (Complete (response sent)), outcome UPHELD"), out);
        assertTrue(out.contains("v7 RESPONDED"), out);
        assertTrue(out.matches("(?s).*Complete \\(response sent\\)\\s+1\\n.*"), out);
        assertTrue(out.matches("(?s).*Closed, other reason\\s+1\\n.*"), out);
        assertTrue(out.matches("(?s).*Unallocated / not started\\s+0\\n.*"), out);
    }
}
