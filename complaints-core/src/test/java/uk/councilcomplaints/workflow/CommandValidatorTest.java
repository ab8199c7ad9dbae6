package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.sla.WorkingCalendar;

class CommandValidatorTest {

    private static final Instant NOW = Instant.parse("2022-02-01T10:00:00Z");
    private final CommandValidator validator = new CommandValidator(Clock.fixed(NOW, ZoneOffset.UTC),
            WorkingCalendar.englandAndWales(), Themes.DEFAULT);

    private static ReceiveContact valid() {
        return ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL, NOW,
                Complainant.named("A. Resident").withEmail("a@example.org"), "Bins not collected");
    }

    private List<Violation> violations(Object command, Audit audit) {
        return assertThrows(InvalidCommandException.class, () -> validator.validate("TEST", command, audit))
                .violations();
    }

    @Test
    void validCommandPasses() {
        validator.validate("RECEIVE", valid(), Audit.by("jo"));
        validator.validate("RECEIVE", valid().withMatterDate(LocalDate.of(2022, 2, 1)).withReference("OCC/2022/17"),
                Audit.by("jo").because("phoned in"));
    }

    @Test
    void everyViolatedFieldIsListedWithItsPath() {
        ReceiveContact bad = new ReceiveContact(Optional.of("bad reference!"), Procedure.CORPORATE, null,
                Channel.EMAIL, NOW.plusSeconds(60), Optional.of(LocalDate.of(2022, 3, 1)),
                new Complainant("", Optional.of("not-an-email"), Optional.of("1".repeat(41)), Optional.empty()), " ");
        List<Violation> found = violations(bad, new Audit("", Optional.of("  "), Optional.empty()));
        List<String> paths = found.stream().map(Violation::path).distinct().toList();
        assertEquals(List.of("actor", "complainant.email", "complainant.name", "complainant.phone", "matterDate",
                "reason", "receivedAt", "reference", "serviceArea", "summary"), paths, found.toString());
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> validator.validate("RECEIVE", bad, Audit.by("jo")));
        assertTrue(e.getMessage().contains("summary: must not be blank"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid RECEIVE: "), e.getMessage());
    }

    @Test
    void matterDateAfterReceiptIsRejected() {
        ReceiveContact c = valid().withMatterDate(LocalDate.of(2022, 1, 15));
        ReceiveContact early = new ReceiveContact(c.reference(), c.procedure(), c.serviceArea(), c.channel(),
                Instant.parse("2022-01-10T10:00:00Z"), c.matterDate(), c.complainant(), c.summary());
        List<Violation> found = violations(early, Audit.by("jo"));
        assertEquals(1, found.size());
        assertEquals("matterDate", found.get(0).path());
        assertTrue(found.get(0).message().contains("2022-01-15"), found.get(0).message());
    }

    @Test
    void commandFieldsAreValidated() {
        List<Violation> found = violations(new Command.Allocate("", "x".repeat(201)), Audit.by("jo"));
        assertEquals(List.of("officer", "team"), found.stream().map(Violation::path).toList());
        assertEquals(List.of("workingDays"),
                violations(new Command.Extend(0), Audit.by("jo")).stream().map(Violation::path).toList());
        assertEquals(List.of("reason"), violations(new Command.Acknowledge(),
                Audit.by("jo").because("x".repeat(2001))).stream().map(Violation::path).toList());
    }
}
