package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;

class TransitionsTest {

    @Test
    void everyBucketHasAStatus() {
        Set<StatusBucket> used = EnumSet.noneOf(StatusBucket.class);
        for (Status s : Status.values()) {
            used.add(s.bucket());
        }
        assertEquals(EnumSet.allOf(StatusBucket.class), used);
    }

    @Test
    void eachCommandHasOneRowPerStatus() {
        Set<String> seen = new HashSet<>();
        for (Transition t : Transitions.table()) {
            for (Status from : t.from()) {
                assertTrue(seen.add(t.command() + "@" + from), "two rows for " + t.command() + " from " + from);
            }
        }
        Set<CommandType> commands = EnumSet.noneOf(CommandType.class);
        Transitions.table().forEach(t -> commands.add(t.command()));
        assertEquals(EnumSet.allOf(CommandType.class), commands, "every command is in the table");
    }

    @Test
    void everyOpenStatusCanBeClosedAndClosedStatusesOnlyEraseDataAndKeepTheRecord() {
        for (Status s : Status.values()) {
            Set<CommandType> allowed = Transitions.allowedFrom(s);
            assertTrue(allowed.contains(CommandType.ERASE_PERSONAL_DATA), s.name());
            assertEquals(s.open(), allowed.contains(CommandType.CLOSE), s.name());
            if (s == Status.SERVICE_REQUEST || s == Status.SIGNPOSTED) {
                assertEquals(EnumSet.of(CommandType.ERASE_PERSONAL_DATA, CommandType.RECORD_LETTER_SENT), allowed,
                        s.name());
            } else if (s == Status.REFUSED) {
                assertEquals(EnumSet.of(CommandType.ERASE_PERSONAL_DATA, CommandType.RECORD_THEMES,
                        CommandType.RECORD_LETTER_SENT), allowed, s.name());
            } else if (s.bucket() == StatusBucket.CLOSED_OTHER) {
                assertEquals(EnumSet.of(CommandType.ERASE_PERSONAL_DATA, CommandType.RECORD_THEMES,
                        CommandType.AGREE_LEARNING_ACTION, CommandType.COMPLETE_LEARNING_ACTION,
                        CommandType.RECORD_LETTER_SENT), allowed, s.name());
            }
        }
        assertEquals(EnumSet.of(CommandType.ESCALATE, CommandType.REFER_TO_OMBUDSMAN, CommandType.ERASE_PERSONAL_DATA,
                CommandType.REFUSE_ESCALATION, CommandType.RECORD_THEMES, CommandType.RECORD_OMBUDSMAN_ENQUIRY,
                CommandType.RECORD_OMBUDSMAN_DECISION, CommandType.RECORD_OMBUDSMAN_COMPLIANCE,
                CommandType.AGREE_LEARNING_ACTION, CommandType.COMPLETE_LEARNING_ACTION,
                CommandType.RECORD_LETTER_SENT), Transitions.allowedFrom(Status.RESPONDED));
    }

    @Test
    void everyStatusIsReachableFromReceived() {
        Set<Status> reached = EnumSet.of(Status.RECEIVED);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Transition t : Transitions.table()) {
                if (t.from().stream().anyMatch(reached::contains)) {
                    grew |= reached.addAll(t.to());
                }
            }
        }
        assertEquals(EnumSet.allOf(Status.class), reached);
        assertFalse(Transitions.find(CommandType.ACKNOWLEDGE, Status.RECEIVED).isPresent());
    }
}
