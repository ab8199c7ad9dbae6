package uk.councilcomplaints.app;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.spring.boot.ComplaintsProperties;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * On first start with {@code council-app.demo-data=true} (the default on the app's own H2 file), loads the
 * briefing note's story (2021-22) and a few contacts received in the last days, so that every page has
 * something to show. Never touches a store that already holds complaints.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final AppProperties app;
    private final ComplaintsProperties library;
    private final Complaints complaints;
    private final DataSource dataSource;

    DemoData(AppProperties app, ComplaintsProperties library, Complaints complaints, DataSource dataSource) {
        this.app = app;
        this.library = library;
        this.complaints = complaints;
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!app.isDemoData() || !complaints.find(ComplaintQuery.builder().limit(1).build()).items().isEmpty()) {
            return;
        }
        LOG.info("Loading the demonstration data (the briefing note's story and recent contacts)");
        // the story replays 2021-22 on a clock of its own: a store without a settle window takes its old times
        JdbcComplaintStore history = JdbcComplaintStore.builder(dataSource).council(library.getCouncil())
                .schema(SchemaMode.NONE).noSettleWindow().build();
        BriefingNoteDataSet.loadInto(history);
        recentContacts();
    }

    /** Contacts of the last days, so that the triage queue and the caseloads have cases due now. */
    private void recentContacts() {
        Instant now = complaints.clock().instant();
        ServiceArea highways = ServiceArea.of("highways", "Highways");
        ServiceArea waste = ServiceArea.of("waste", "Waste and recycling");
        Object[][] contacts = {
                {Procedure.CORPORATE, highways, Channel.WEB_FORM, 50, "Pothole outside the school reported twice"},
                {Procedure.CORPORATE, waste, Channel.PHONE, 30, "Bins missed three weeks running"},
                {Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, Channel.EMAIL, 20, "Carer visits cut short"},
                {Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, Channel.LETTER, 10,
                        "Social worker did not return calls"},
                {Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL, 4, "Council tax letter sent to the wrong name"},
                {Procedure.CORPORATE, highways, Channel.ELECTED_MEMBER, 2, "Street light out for a month"},
        };
        int n = 0;
        for (Object[] c : contacts) {
            n++;
            Instant received = now.minus(Duration.ofHours((Integer) c[3]));
            Complaint complaint = complaints.receive(ReceiveContact.of((Procedure) c[0], (ServiceArea) c[1],
                    (Channel) c[2], received, Complainant.named("Resident " + n).withEmail("resident" + n
                            + "@example.org"), (String) c[4]), Audit.by("contact").occurredAt(received).because("demonstration data"));
            if (n <= 4) {
                complaints.execute(complaint.id(), Command.Triage.asReceived(), Audit.by("contact"));
                String officer = c[0] == Procedure.CHILDRENS_SOCIAL_CARE ? "r.evans" : "a.patel";
                complaints.execute(complaint.id(), new Command.Allocate(officer, "Voice of the customer"),
                        Audit.by("manager"));
            }
        }
    }
}
