package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** CH01 and CH02 over housing complaints whose every figure is worked out by hand, with real dates. */
class TenantSatisfactionMeasuresTest {

    private static final ServiceArea HOUSING = ServiceArea.of("housing", "Housing");
    private final SettableClock clock = SettableClock.at("2022-04-01T09:00:00Z");
    private final Complaints complaints = Complaints.builder(ReferenceStore.correct()).clock(clock).build();

    private void at(String instant, ComplaintId id, Command command) {
        clock.set(Instant.parse(instant));
        complaints.execute(id, command, Audit.by("officer"));
    }

    private ComplaintId receive(String instant, Procedure procedure) {
        clock.set(Instant.parse(instant));
        return complaints.receive(ReceiveContact.of(procedure, HOUSING, Channel.PHONE, clock.instant(),
                Complainant.named("A Tenant"), "Damp in the bedroom"), Audit.by("officer")).id();
    }

    @Test
    void ch01AndCh02AreCountedFromTheHousingProcedureAlone() {
        // H1: received Monday 4 April 2022, acknowledged the next day, answered 12 April: on time
        ComplaintId h1 = receive("2022-04-04T09:00:00Z", Procedure.HOUSING);
        at("2022-04-04T10:00:00Z", h1, Command.Triage.asReceived());
        at("2022-04-04T11:00:00Z", h1, new Command.Allocate("h.officer", "Housing"));
        at("2022-04-05T09:00:00Z", h1, new Command.Acknowledge());
        at("2022-04-12T09:00:00Z", h1, Command.Respond.with(Outcome.UPHELD));
        // H2: acknowledged Wednesday 4 May; ten working days end on Wednesday 18 May; answered Friday 20 May, late.
        // Escalated on 23 May, acknowledged 24 May; twenty working days (2 and 3 June are bank holidays) end on
        // 23 June; answered 10 June, on time.
        ComplaintId h2 = receive("2022-05-03T09:00:00Z", Procedure.HOUSING);
        at("2022-05-03T10:00:00Z", h2, Command.Triage.asReceived());
        at("2022-05-03T11:00:00Z", h2, new Command.Allocate("h.officer", "Housing"));
        at("2022-05-04T09:00:00Z", h2, new Command.Acknowledge());
        at("2022-05-20T09:00:00Z", h2, Command.Respond.with(Outcome.NOT_UPHELD));
        at("2022-05-23T09:00:00Z", h2, new Command.Escalate());
        at("2022-05-23T10:00:00Z", h2, new Command.Allocate("h.manager", "Housing"));
        at("2022-05-24T09:00:00Z", h2, new Command.Acknowledge());
        at("2022-06-10T09:00:00Z", h2, Command.Respond.with(Outcome.PARTLY_UPHELD));
        // a corporate complaint about housing does not count: CH01 and CH02 are the housing procedure's
        ComplaintId corporate = receive("2022-06-01T09:00:00Z", Procedure.CORPORATE);
        at("2022-06-01T10:00:00Z", corporate, Command.Triage.asReceived());
        // H3 comes after the year
        receive("2023-04-03T09:00:00Z", Procedure.HOUSING);

        TenantSatisfactionMeasures m = complaints.reports().tenantSatisfaction(LocalDate.of(2023, 3, 31), 2000,
                KnownAt.latest());
        assertEquals("1.0 (2 per 2,000)", m.ch01Stage1().text());
        assertEquals("0.5 (1 per 2,000)", m.ch01Stage2().text());
        assertEquals("50.0% (1 of 2)", m.ch02Stage1().text());
        assertEquals("100.0% (1 of 1)", m.ch02Stage2().text());
        assertEquals(List.of("CH01 stage 1: Stage 1 complaints received per 1,000 homes", "2", "2000", "1.0"),
                m.grid().lines().get(0).cells());
        assertEquals(List.of("CH02 stage 1: Stage 1 complaints responded to within the Code's timescale", "1", "2",
                "50.0%"), m.grid().lines().get(2).cells());

        TenantSatisfactionMeasures before = complaints.reports().tenantSatisfaction(LocalDate.of(2023, 3, 31), 2000,
                KnownAt.of(Instant.parse("2022-05-19T00:00:00Z")));
        assertEquals("n/a", before.ch02Stage2().text(), "as known before stage 2");
        assertEquals("100.0% (1 of 1)", before.ch02Stage1().text(), "H2 not yet answered");
        assertThrows(IllegalArgumentException.class,
                () -> complaints.reports().tenantSatisfaction(LocalDate.of(2023, 3, 31), 0, KnownAt.latest()));
    }
}
