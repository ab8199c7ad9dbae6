package uk.councilcomplaints.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.Theme;
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
        List<Complaint> triaged = recentContacts();
        recordKeeping(triaged);
    }

    /** Contacts of the last days, so that the triage queue and the caseloads have cases due now. */
    private List<Complaint> recentContacts() {
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
        List<Complaint> triaged = new ArrayList<>();
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
                triaged.add(complaint);
            }
        }
        return triaged;
    }

    /**
     * The record the Complaint Handling Code asks for, on a few cases: themes, a refusal, a housing complaint
     * answered with a payment whose escalation was refused, and a complaint the Ombudsman upheld, complied with
     * late, with the learning actions it led to.
     */
    private void recordKeeping(List<Complaint> triaged) {
        List<Theme> themes = complaints.themes().all();
        for (int i = 0; i < triaged.size(); i++) {
            Set<String> codes = new LinkedHashSet<>();
            codes.add(themes.get(i % themes.size()).code());
            codes.add(themes.get((i + 1) % themes.size()).code());
            complaints.execute(triaged.get(i).id(), new Command.RecordThemes(codes), Audit.by("a.patel"));
        }
        Instant now = complaints.clock().instant();

        Instant police = now.minus(Duration.ofHours(3));
        Complaint refused = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.OTHER,
                Channel.EMAIL, police, Complainant.named("Resident 7").withEmail("resident7@example.org"),
                "Parking fine issued by a police officer"), back("contact", police));
        complaints.execute(refused.id(), new Command.Refuse(Exclusion.NOT_ABOUT_THE_COUNCIL),
                Audit.by("a.patel").because("The police issued the fine: told to use the police's own procedure"));

        ServiceArea housing = ServiceArea.of("housing", "Housing");
        Instant h = now.minus(Duration.ofDays(21));
        Complaint damp = complaints.receive(ReceiveContact.of(Procedure.HOUSING, housing, Channel.PHONE, h,
                Complainant.named("Resident 8").withPhone("01234 567890"), "Damp in the bedroom not repaired"),
                back("contact", h));
        complaints.execute(damp.id(), Command.Triage.asReceived(), back("a.patel", h.plus(Duration.ofHours(2))));
        complaints.execute(damp.id(), new Command.Allocate("a.patel", "Housing complaints"),
                back("manager", h.plus(Duration.ofHours(3))));
        complaints.execute(damp.id(), new Command.Acknowledge(), back("a.patel", h.plus(Duration.ofDays(1))));
        complaints.execute(damp.id(), new Command.SendToService(), back("a.patel", h.plus(Duration.ofDays(1))));
        complaints.execute(damp.id(), Command.Respond.withPayment(Outcome.UPHELD, Money.parse("150"), Remedy.APOLOGY),
                back("a.patel", h.plus(Duration.ofDays(8))));
        complaints.execute(damp.id(), Command.RecordThemes.of(themes.get(themes.size() > 4 ? 4 : 0).code()),
                back("a.patel", h.plus(Duration.ofDays(8))));
        complaints.execute(damp.id(), new Command.AgreeLearningAction(
                "Inspect for damp within 5 working days of any report of mould", housing, "Repairs manager",
                LondonDays.dayOf(now).plusDays(60), Set.of()), back("manager", h.plus(Duration.ofDays(9))));
        complaints.execute(damp.id(), new Command.RefuseEscalation(), back("manager", h.plus(Duration.ofDays(15)))
                .because("The repair is done and the payment accepted: nothing is left for stage 2 to decide"));

        Instant o = now.minus(Duration.ofDays(300));
        Complaint bins = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.of("waste",
                "Waste and recycling"), Channel.WEB_FORM, o, Complainant.named("Resident 9")
                .withEmail("resident9@example.org"), "Assisted bin collection stopped without notice"), back("contact", o));
        complaints.execute(bins.id(), Command.Triage.asReceived(), back("a.patel", o.plus(Duration.ofHours(2))));
        complaints.execute(bins.id(), new Command.Allocate("a.patel", "Voice of the customer"),
                back("manager", o.plus(Duration.ofHours(3))));
        complaints.execute(bins.id(), new Command.Acknowledge(), back("a.patel", o.plus(Duration.ofDays(1))));
        complaints.execute(bins.id(), new Command.SendToService(), back("a.patel", o.plus(Duration.ofDays(1))));
        complaints.execute(bins.id(), Command.Respond.with(Outcome.NOT_UPHELD),
                back("a.patel", o.plus(Duration.ofDays(10))));
        complaints.execute(bins.id(), new Command.Escalate(), back("a.patel", o.plus(Duration.ofDays(20))));
        complaints.execute(bins.id(), new Command.Allocate("manager", "Voice of the customer"),
                back("manager", o.plus(Duration.ofDays(20))));
        complaints.execute(bins.id(), new Command.Acknowledge(), back("manager", o.plus(Duration.ofDays(21))));
        complaints.execute(bins.id(), Command.Respond.with(Outcome.PARTLY_UPHELD, Remedy.APOLOGY),
                back("manager", o.plus(Duration.ofDays(35))));
        complaints.execute(bins.id(), Command.RecordThemes.of(themes.get(0).code(),
                themes.get(themes.size() > 3 ? 3 : 0).code()), back("manager", o.plus(Duration.ofDays(35))));
        complaints.execute(bins.id(), new Command.ReferToOmbudsman(), back("manager", o.plus(Duration.ofDays(60))));
        complaints.execute(bins.id(), new Command.RecordOmbudsmanEnquiry(),
                back("manager", o.plus(Duration.ofDays(90))));
        Instant decided = o.plus(Duration.ofDays(150));
        LocalDate due = LondonDays.dayOf(decided).plusDays(30);
        complaints.execute(bins.id(), new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD,
                Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY, Remedy.SERVICE_IMPROVEMENT),
                Optional.of(Money.parse("300")), Optional.of(due)), back("manager", decided));
        complaints.execute(bins.id(), new Command.AgreeLearningAction(
                "Write to residents before any assisted collection is stopped", ServiceArea.of("waste",
                        "Waste and recycling"), "Head of waste services", LondonDays.dayOf(decided).plusDays(60),
                Set.of()), back("manager", decided.plus(Duration.ofDays(5))));
        complaints.execute(bins.id(), new Command.AgreeLearningAction(
                "Review assisted collections every year with the resident", ServiceArea.of("waste",
                        "Waste and recycling"), "Head of waste services", LondonDays.dayOf(decided).plusDays(120),
                Set.of()), back("manager", decided.plus(Duration.ofDays(5))));
        Instant complied = decided.plus(Duration.ofDays(40));
        complaints.execute(bins.id(), new Command.RecordOmbudsmanCompliance(LondonDays.dayOf(complied)),
                back("manager", complied));
        Instant done = decided.plus(Duration.ofDays(50));
        complaints.execute(bins.id(), new Command.CompleteLearningAction(1, LondonDays.dayOf(done),
                "Letter template in use since the team meeting"), back("manager", done));
    }

    /** Who did it and when, recorded now: a late entry, with its reason. */
    private static Audit back(String actor, Instant occurred) {
        return Audit.by(actor).occurredAt(occurred).because("demonstration data");
    }
}
