package uk.councilcomplaints.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** The memory store's own counting labels a service area seen under two names the same way, whatever the order. */
class InMemoryServiceAreaLabelTest {

    private static List<String> labels(List<String> names) {
        SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        for (String name : names) {
            complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.of("waste", name), Channel.EMAIL,
                    Instant.parse("2022-01-10T09:00:00Z"), Complainant.named("A. Resident"), "Bins not collected"),
                    Audit.by("contact.centre"));
        }
        ReportTable table = Reports.over(store).table(ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA,
                LocalDate.of(2022, 1, 31)).build());
        return table.rows().stream().map(ReportTable.Row::label).toList();
    }

    @Test
    void aCodeSeenUnderTwoNamesIsLabelledByTheFirstNameAlphabetically() {
        assertEquals(List.of("Bins and waste"), labels(List.of("Waste", "Bins and waste", "Waste and recycling")));
        assertEquals(List.of("Bins and waste"), labels(List.of("Bins and waste", "Waste", "Waste and recycling")));
        assertEquals(List.of("Bins and waste"), labels(List.of("Waste and recycling", "Waste", "Bins and waste")));
    }
}
