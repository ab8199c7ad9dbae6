package uk.councilcomplaints.examples.briefing;

import static com.google.common.base.Preconditions.checkState;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The story of the council's briefing note (March 2022) as complaint histories, built through the
 * {@link Complaints} facade only, so that the note's three tables come out of report queries exactly:
 * <ul>
 *   <li>the original backlog: 282 cases open at the start of 1 December 2021, imported from the legacy
 *       spreadsheet that morning (events dated in the past, with a reason), 114 unallocated and 168 with
 *       the complaints team as known then;
 *   <li>the data cleansing on 8 December: late entries show that 41 of the 114 "unallocated" cases had in
 *       fact been answered in November, leaving the 73 truly unallocated ones the note speaks of, which
 *       the recovery team took on; so the December position as known now differs from the one known then;
 *   <li>the backlog cleared: 26 still open on 14 January 2022, 10 on 2 March 2022;
 *   <li>379 contacts received from 30 November 2021 to 28 February 2022, 116 of them (30%) service requests
 *       or not the council's, handled live; some events happen after 28 February;
 *   <li>what a year of the council's record also holds, none of it changing a status on the days the note's
 *       tables count: themes on the 122 complaints answered from the new contacts; two Ombudsman decisions on
 *       escalated (debt) cases of the backlog referred in January (one upheld with a £250 payment, complied with
 *       late; one not upheld); three learning actions (one done on time, one overdue at 31 March, one not yet
 *       due); and, received in March 2022 only, three complaints refused under an exclusion and four housing
 *       complaints (two answered with a payment, one escalated to stage 2, one refused stage 2, one answered
 *       late, one still open).
 * </ul>
 * Names of people are invented. Replays every step in the order it was recorded, with its own clock.
 */
public final class BriefingNoteDataSet {


    /** The day the original backlog was open at the start of. */
    public static final LocalDate BACKLOG_DAY = LocalDate.of(2021, 12, 1);
    /** When the legacy spreadsheet was imported. */
    public static final Instant IMPORTED_AT = at("2021-12-01T08:00");
    /** When the December position was first reported: the original backlog is the cohort as known then. */
    public static final Instant DECEMBER_KNOWN_AT = at("2021-12-01T12:00");
    /** When the data cleansing recorded what had really happened in November. */
    public static final Instant CLEANSED_AT = at("2021-12-08T10:00");
    public static final LocalDate JANUARY_14 = LocalDate.of(2022, 1, 14);
    public static final LocalDate MARCH_2 = LocalDate.of(2022, 3, 2);
    public static final LocalDate PERIOD_FROM = LocalDate.of(2021, 11, 30);
    public static final LocalDate PERIOD_TO = LocalDate.of(2022, 2, 28);
    /** Contacts received after 28 February 2022: three refused, four housing complaints. */
    public static final int CONTACTS_IN_MARCH = 7;
    /** The clock once the data set is loaded. */
    public static final Instant LOADED_AT = at("2022-03-31T17:00");
    /** A case counted unallocated in the December position known on 1 December, found answered in November. */
    public static final String EXAMPLE_CASE = "LEGACY-0001";
    /** The original backlog: open at the start of 1 December 2021, as the records stood that noon. */
    public static final Population ORIGINAL_BACKLOG =
            Population.openAtStartOf(BACKLOG_DAY).asKnownAt(DECEMBER_KNOWN_AT);

    private static final ServiceArea HIGHWAYS = ServiceArea.of("highways", "Highways");
    private static final ServiceArea WASTE = ServiceArea.of("waste", "Waste and recycling");
    private static final ServiceArea HOUSING = ServiceArea.of("housing", "Housing");
    /** The themes of the answered new complaints, one each, in turn (codes of the default taxonomy). */
    private static final List<String> THEMES = List.of("communication", "delay", "staff-conduct", "policy",
            "quality-of-service");
    private static final String VOC = "Voice of the customer";
    private static final String RECOVERY = "Recovery team";
    private static final List<String> VOC_OFFICERS = List.of("a.patel", "b.jones", "c.okafor", "d.smith");
    private static final List<String> RECOVERY_OFFICERS = List.of("r.evans", "r.khan", "r.lewis");
    private static final List<String> NEW_OFFICERS = List.of("t.wright", "s.ali", "m.brown", "j.cole");
    private static final List<Outcome> OUTCOMES = List.of(Outcome.UPHELD, Outcome.PARTLY_UPHELD, Outcome.NOT_UPHELD);
    private static final String IMPORT_REASON = "imported from the legacy spreadsheet";
    private static final String CLEANSING_REASON = "data cleansing: the response was sent in November";

    private final SettableClock clock = new SettableClock(at("2021-11-30T00:00"));
    private final Complaints complaints;
    private final List<Step> steps = new ArrayList<>();

    private BriefingNoteDataSet(ComplaintStore store) {
        this.complaints = Complaints.builder(store).clock(clock).build();
    }

    /** Loads the whole story into {@code store} (best empty) and returns it, its clock at {@link #LOADED_AT}. */
    public static BriefingNoteDataSet loadInto(ComplaintStore store) {
        BriefingNoteDataSet data = new BriefingNoteDataSet(store);
        data.planBacklog();
        data.planNewContacts();
        data.planMarch();
        data.replay();
        return data;
    }

    /** The facade the data set was built with. */
    public Complaints complaints() {
        return complaints;
    }

    /** The December position of the original backlog by service (the note's first table, as known now). */
    public static ReportQuery decemberPosition() {
        return ReportQuery.builder(ORIGINAL_BACKLOG, Grouping.SERVICE_AREA, BACKLOG_DAY.minusDays(1)).build();
    }

    /** The original backlog still open as of {@code day}, by service (the note's 14 January and 2 March tables). */
    public static ReportQuery originalBacklogStillOpen(LocalDate day) {
        return ReportQuery.builder(ORIGINAL_BACKLOG, Grouping.SERVICE_AREA, day).stillOpen()
                .rows("Adults", "Children's", "Corporate").build();
    }

    /** Contacts received from 30 November 2021 to 28 February 2022 by type, as of 28 February 2022. */
    public static ReportQuery receivedByType() {
        return ReportQuery.builder(Population.receivedBetween(PERIOD_FROM, PERIOD_TO), Grouping.TYPE, PERIOD_TO)
                .build();
    }

    // ---------------------------------------------------------------- the original backlog

    private enum Fate {
        /** Found answered in November by the data cleansing. */
        CLEANSED,
        /** Worked off by 14 January. */
        CLOSED,
        /** Adults: still with the service on 14 January, answered in February. */
        WITH_SERVICE_IN_JANUARY,
        /** Children's: with the team on 14 January; with the service on 2 March. */
        WITH_SERVICE_IN_MARCH,
        /** Children's: with the team on 14 January; answered in February. */
        ANSWERED_IN_FEBRUARY,
        /** Corporate: draft in review on 14 January, answered on 25 January. */
        IN_REVIEW_IN_JANUARY
    }

    private record Service(ServiceArea area, Procedure procedure, int unallocated, int withTeam, int cleansed) {
    }

    private void planBacklog() {
        List<Service> services = List.of(
                new Service(ServiceArea.ADULTS, Procedure.ADULT_SOCIAL_CARE, 42, 47, 15),
                new Service(ServiceArea.CHILDRENS, Procedure.CHILDRENS_SOCIAL_CARE, 51, 65, 18),
                new Service(ServiceArea.CORPORATE, Procedure.CORPORATE, 21, 44, 8),
                new Service(ServiceArea.OTHER, Procedure.CORPORATE, 0, 12, 0));
        int g = 0;
        for (Service s : services) {
            for (int i = 0; i < s.unallocated(); i++, g++) {
                Case c = imported(g, s, false);
                int k = i - s.cleansed();
                if (k < 0) {
                    cleanse(c, i);
                } else if (s.area().equals(ServiceArea.CHILDRENS) && k < 20) {
                    recover(c, k, k < 10 ? Fate.WITH_SERVICE_IN_MARCH : Fate.ANSWERED_IN_FEBRUARY);
                } else {
                    recover(c, k, Fate.CLOSED);
                }
            }
            for (int i = 0; i < s.withTeam(); i++, g++) {
                Case c = imported(g, s, true);
                Fate fate = i >= 3 ? Fate.CLOSED : s.area().equals(ServiceArea.ADULTS) ? Fate.WITH_SERVICE_IN_JANUARY
                        : s.area().equals(ServiceArea.CORPORATE) ? Fate.IN_REVIEW_IN_JANUARY : Fate.CLOSED;
                work(c, i, fate);
                if (s.area().equals(ServiceArea.OTHER) && i < 2) {
                    ombudsman(c, i);
                }
            }
        }
    }

    /** A case as the spreadsheet had it at the start of December, imported that morning. */
    private Case imported(int g, Service s, boolean withTeam) {
        Instant received = at("2021-09-01T10:00").plus(Duration.ofDays(g * 7L % 75)).plus(Duration.ofHours(g % 6));
        ReceiveContact contact = ReceiveContact.of(s.procedure(), s.area(), channel(g), received,
                Complainant.named("Legacy complainant " + (g + 1)), "Imported from the complaints spreadsheet")
                .withReference(String.format("LEGACY-%04d", g + 1));
        Case c = new Case(contact, IMPORTED_AT, Audit.by("legacy-import").because(IMPORT_REASON));
        String officer = VOC_OFFICERS.get(g % VOC_OFFICERS.size());
        if (s.area().equals(ServiceArea.OTHER)) {
            // an escalated (debt) case: answered at stage 1, now at corporate stage 2 with another officer
            c.imported(received.plus(Duration.ofDays(1)), Command.Triage.asReceived())
                    .imported(received.plus(Duration.ofDays(2)), new Command.Allocate("a.patel", VOC))
                    .imported(received.plus(Duration.ofDays(3)), new Command.Acknowledge())
                    .imported(received.plus(Duration.ofDays(4)), new Command.SendToService())
                    .imported(received.plus(Duration.ofDays(10)), new Command.SubmitDraft())
                    .imported(received.plus(Duration.ofDays(12)), Command.Respond.with(Outcome.NOT_UPHELD))
                    .imported(received.plus(Duration.ofDays(14)), new Command.Escalate())
                    .imported(received.plus(Duration.ofDays(16)), new Command.Allocate("b.jones", VOC));
        } else if (withTeam) {
            c.imported(received.plus(Duration.ofDays(1)), Command.Triage.asReceived())
                    .imported(received.plus(Duration.ofDays(2)), new Command.Allocate(officer, VOC));
            if (g % 2 == 0) {
                c.imported(received.plus(Duration.ofDays(3)), new Command.Acknowledge());
            }
        } else if (g % 2 == 0) {
            c.imported(received.plus(Duration.ofDays(1)), Command.Triage.asReceived());
        }
        return c;
    }

    /** The cleansing found the response went out in November: recorded late, on 8 December. */
    private void cleanse(Case c, int i) {
        Instant t = at("2021-11-22T09:00").plus(Duration.ofDays(i % 3));
        String officer = VOC_OFFICERS.get(i % VOC_OFFICERS.size());
        if (!c.triaged) {
            c.cleansed(t, Command.Triage.asReceived());
        }
        c.cleansed(t.plus(Duration.ofHours(1)), new Command.Allocate(officer, VOC))
                .cleansed(t.plus(Duration.ofHours(2)), new Command.Acknowledge())
                .cleansed(t.plus(Duration.ofDays(4)), respond(i));
    }

    /** One of the 73 truly unallocated cases, taken on by the recovery team after the cleansing. */
    private void recover(Case c, int k, Fate fate) {
        Instant start = at("2021-12-09T09:00").plus(Duration.ofDays(k % (fate == Fate.CLOSED ? 25 : 20)));
        String officer = RECOVERY_OFFICERS.get(k % RECOVERY_OFFICERS.size());
        if (!c.triaged) {
            c.live(start, Command.Triage.asReceived(), officer);
        }
        c.live(start.plus(Duration.ofHours(1)), new Command.Allocate(officer, RECOVERY), officer)
                .live(start.plus(Duration.ofDays(1)), new Command.Acknowledge(), officer);
        switch (fate) {
            case WITH_SERVICE_IN_MARCH -> c.live(at("2022-02-01T10:00").plus(Duration.ofDays(k)),
                    new Command.SendToService(), officer);
            case ANSWERED_IN_FEBRUARY -> {
                Instant sent = at("2022-01-20T10:00").plus(Duration.ofDays(k - 10));
                c.live(sent, new Command.SendToService(), officer)
                        .live(sent.plus(Duration.ofDays(10)), new Command.SubmitDraft(), "service")
                        .live(sent.plus(Duration.ofDays(15)), respond(k), officer);
            }
            default -> close(c, start.plus(Duration.ofDays(1)), k, officer, true);
        }
    }

    /** A case with the complaints team at the start of December, worked by its officer. */
    private void work(Case c, int i, Fate fate) {
        Instant start = at("2021-12-02T09:00").plus(Duration.ofDays(i % 30));
        String officer = VOC_OFFICERS.get(i % VOC_OFFICERS.size());
        if (!c.acknowledged) {
            c.live(start, new Command.Acknowledge(), officer);
        }
        switch (fate) {
            case WITH_SERVICE_IN_JANUARY -> c
                    .live(at("2022-01-05T10:00").plus(Duration.ofHours(i)), new Command.SendToService(), officer)
                    .live(at("2022-02-07T10:00"), new Command.SubmitDraft(), "service")
                    .live(at("2022-02-10T10:00").plus(Duration.ofHours(i)), respond(i), officer);
            case IN_REVIEW_IN_JANUARY -> c
                    .live(at("2021-12-15T10:00").plus(Duration.ofHours(i)), new Command.SendToService(), officer)
                    .live(at("2022-01-10T10:00"), new Command.SubmitDraft(), "service")
                    .live(at("2022-01-25T10:00").plus(Duration.ofHours(i)), respond(i), officer);
            default -> close(c, start, i, officer, !c.stageTwo);
        }
    }

    /** Worked off: sent to the service, answered a week later; every seventh withdrawn instead, if it may be. */
    private void close(Case c, Instant from, int i, String officer, boolean mayWithdraw) {
        if (mayWithdraw && i % 7 == 6) {
            c.live(from.plus(Duration.ofDays(1)), Command.Close.withdrawn(), officer);
            return;
        }
        c.live(from.plus(Duration.ofDays(1)), new Command.SendToService(), officer)
                .live(from.plus(Duration.ofDays(5)), new Command.SubmitDraft(), "service")
                .live(from.plus(Duration.ofDays(7)), respond(i), officer);
    }

    // ---------------------------------------------------------------- contacts from 30 November

    private enum Kind {
        ADULTS,
        CHILDRENS,
        CORPORATE
    }

    private void planNewContacts() {
        newComplaints(Kind.ADULTS, 50, 25, 1, 9);
        newComplaints(Kind.CHILDRENS, 26, 39, 2, 12);
        newComplaints(Kind.CORPORATE, 46, 29, 1, 23);
        for (int i = 0; i < 116; i++) {
            Instant received = at("2021-11-30T09:00").plus(Duration.ofDays(i % 91)).plus(Duration.ofHours(i % 6));
            ServiceArea area = List.of(HIGHWAYS, WASTE, ServiceArea.CORPORATE, ServiceArea.ADULTS).get(i % 4);
            Case c = live(ReceiveContact.of(Procedure.CORPORATE, area, channel(i), received,
                    Complainant.named("Resident " + i), "Asked about a missed collection"));
            String officer = NEW_OFFICERS.get(i % NEW_OFFICERS.size());
            c.live(received.plus(Duration.ofHours(3)), new Command.Reclassify(i < 70 ? Classification.SERVICE_REQUEST
                    : Classification.NOT_COUNCIL_COMPLAINT), officer);
        }
    }

    private void newComplaints(Kind kind, int complete, int withService, int withTeam, int closedOther) {
        for (int i = 0; i < complete; i++) {
            Case c = newComplaint(kind, i, at("2021-12-01T09:00").plus(Duration.ofDays(i * 3L % 70)));
            String officer = c.officer;
            c.live(c.received.plus(Duration.ofHours(27)), Command.RecordThemes.of(THEMES.get(i % THEMES.size())),
                    officer);
            c.live(c.received.plus(Duration.ofDays(2)), new Command.Acknowledge(), officer)
                    .live(c.received.plus(Duration.ofDays(3)), new Command.SendToService(), officer)
                    .live(c.received.plus(Duration.ofDays(10)), new Command.SubmitDraft(), "service")
                    .live(c.received.plus(Duration.ofDays(12)), respond(i), officer);
            if (kind == Kind.CORPORATE && i < 2) {
                learning(c, i);
            }
            if (kind == Kind.ADULTS && i < 4) {
                c.live(at("2022-03-15T10:00").plus(Duration.ofHours(i)), new Command.ReferToOmbudsman(), officer);
            } else if (kind == Kind.CHILDRENS && i < 3) {
                // asked for stage 2 in March, after the 20 working days from the December response: accepted late
                c.step(at("2022-03-10T09:00").plus(Duration.ofHours(i)), Command.Escalate.acceptingLateRequest(),
                                Audit.by(officer).because("complainant explained the delay"))
                        .live(at("2022-03-11T10:00").plus(Duration.ofHours(i)),
                                new Command.Allocate(NEW_OFFICERS.get((i + 1) % NEW_OFFICERS.size()), VOC), officer);
            }
        }
        for (int i = 0; i < withService; i++) {
            Case c = newComplaint(kind, i, at("2022-01-10T09:00").plus(Duration.ofDays(i * 3L % 40)));
            c.live(c.received.plus(Duration.ofDays(2)), new Command.Acknowledge(), c.officer)
                    .live(c.received.plus(Duration.ofDays(3)), new Command.SendToService(), c.officer);
            if (i % 2 == 0) {
                c.live(at("2022-03-03T10:00").plus(Duration.ofMinutes(i)), new Command.SubmitDraft(), "service")
                        .live(at("2022-03-08T10:00").plus(Duration.ofMinutes(i)), respond(i), c.officer);
            }
        }
        for (int i = 0; i < withTeam; i++) {
            newComplaint(kind, i, at("2022-02-24T09:00").plus(Duration.ofDays(i)));
        }
        for (int i = 0; i < closedOther; i++) {
            Instant received = at("2021-12-01T09:00").plus(Duration.ofDays(i * 5L % 80)).plus(Duration.ofHours(i % 7));
            if (i % 4 == 0) {
                // made two years after the matter: closed as out of time
                Case c = live(contact(kind, i, received).withMatterDate(received.atZone(LondonDays.ZONE).toLocalDate()
                        .minusYears(2)));
                c.live(received.plus(Duration.ofHours(20)), triage(kind, i), "triage")
                        .live(received.plus(Duration.ofDays(2)), Command.Close.outOfTime(), "triage");
            } else {
                Case c = newComplaint(kind, i, received);
                c.live(c.received.plus(Duration.ofDays(3)), Command.Close.withdrawn(), c.officer);
            }
        }
    }

    // ---------------------------------------------------------------- the rest of the year's record

    /**
     * Two escalated (debt) cases, answered at stage 2 in December, referred to the Ombudsman in January: the first
     * upheld on 9 March with an apology and a £250 payment due by 23 March, complied with on 28 March (late); the
     * second not upheld on 16 March. Responded stays their status throughout.
     */
    private void ombudsman(Case c, int i) {
        String officer = "b.jones";
        if (i == 0) {
            c.live(at("2022-01-17T10:00"), new Command.ReferToOmbudsman(), officer)
                    .live(at("2022-02-07T10:00"), new Command.RecordOmbudsmanEnquiry(), officer)
                    .live(at("2022-03-09T10:00"), new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD,
                            Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY), Optional.of(Money.pounds(250)),
                            Optional.of(LocalDate.of(2022, 3, 23))), officer)
                    .live(at("2022-03-28T10:00"), new Command.RecordOmbudsmanCompliance(LocalDate.of(2022, 3, 28)),
                            officer);
        } else {
            c.live(at("2022-01-24T10:00"), new Command.ReferToOmbudsman(), officer)
                    .live(at("2022-03-16T10:00"),
                            Command.RecordOmbudsmanDecision.of(OmbudsmanDecision.NOT_UPHELD), officer);
        }
    }

    /**
     * Learning from two corporate complaints answered in December: the first action done on 21 February, before
     * it was due (28 February); the second due on 15 March and not done by 31 March (overdue).
     */
    private void learning(Case c, int i) {
        if (i == 0) {
            c.live(at("2022-01-10T10:00"), new Command.AgreeLearningAction("Missed collections reported twice are "
                    + "checked with the crew supervisor the same week", WASTE, "Waste operations manager",
                    LocalDate.of(2022, 2, 28), Set.of()), c.officer)
                    .live(at("2022-02-21T10:00"), new Command.CompleteLearningAction(1, LocalDate.of(2022, 2, 21),
                            "Weekly check in place; supervisors' log reviewed"), c.officer);
        } else {
            c.live(at("2022-01-17T10:00"), new Command.AgreeLearningAction("Pothole reports get a reference and "
                    + "a date for the repair in the first reply", HIGHWAYS, "Highways customer lead",
                    LocalDate.of(2022, 3, 15), Set.of()), c.officer);
        }
    }

    /**
     * Contacts received in March 2022, after the note's period: three complaints refused under an exclusion of the
     * policy, and four housing complaints. Housing: H1 answered on time with a £75 payment, escalated and
     * acknowledged at stage 2; H2 answered late (due 17 March, sent 29 March), a learning action agreed from it,
     * not yet due; H3 answered on time with a £150 payment, stage 2 refused with a reason; H4 still open.
     */
    private void planMarch() {
        List<Exclusion> exclusions = List.of(Exclusion.LEGAL_PROCEEDINGS, Exclusion.ALREADY_DECIDED,
                Exclusion.LEGAL_PROCEEDINGS);
        for (int i = 0; i < exclusions.size(); i++) {
            Instant received = at("2022-03-04T09:00").plus(Duration.ofDays(5L * i));
            Case c = live(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, channel(i), received,
                    Complainant.named("Resident refused " + i), "Unhappy with a decision"));
            c.step(received.plus(Duration.ofHours(20)), new Command.Refuse(exclusions.get(i)),
                    Audit.by("triage").because(exclusions.get(i) == Exclusion.LEGAL_PROCEEDINGS
                            ? "the complainant has started legal proceedings about the matter"
                            : "answered at stage 2 in 2021; the complainant may go to the Ombudsman"));
        }
        Case h1 = housing(0, at("2022-03-01T09:00"));
        h1.live(at("2022-03-02T10:00"), new Command.Acknowledge(), "h.green")
                .live(at("2022-03-08T10:00"), Command.Respond.withPayment(Outcome.UPHELD, Money.pounds(75),
                        Remedy.APOLOGY), "h.green")
                .live(at("2022-03-14T10:00"), new Command.Escalate(), "h.green")
                .live(at("2022-03-15T10:00"), new Command.Allocate("h.shah", VOC), "h.shah")
                .live(at("2022-03-16T10:00"), new Command.Acknowledge(), "h.shah");
        Case h2 = housing(1, at("2022-03-02T09:00"));
        h2.live(at("2022-03-03T10:00"), new Command.Acknowledge(), "h.green")
                .live(at("2022-03-29T10:00"), Command.Respond.with(Outcome.PARTLY_UPHELD, Remedy.APOLOGY), "h.green")
                .live(at("2022-03-30T10:00"), new Command.AgreeLearningAction("Housing stage 1 cases are reviewed "
                        + "weekly against their response dates", HOUSING, "Head of housing management",
                        LocalDate.of(2022, 6, 30), Set.of()), "h.green");
        Case h3 = housing(2, at("2022-03-07T09:00"));
        h3.live(at("2022-03-08T10:00"), new Command.Acknowledge(), "h.green")
                .live(at("2022-03-15T10:00"), Command.Respond.withPayment(Outcome.PARTLY_UPHELD, Money.pounds(150),
                        Remedy.APOLOGY), "h.green")
                .step(at("2022-03-25T10:00"), new Command.RefuseEscalation(), Audit.by("h.green")
                        .because("the request raises no new matter; the resident may go to the Housing Ombudsman"));
        Case h4 = housing(3, at("2022-03-21T09:00"));
        h4.live(at("2022-03-22T10:00"), new Command.Acknowledge(), "h.green");
    }

    /** A housing complaint received at {@code received}, triaged, allocated and its themes recorded. */
    private Case housing(int i, Instant received) {
        Case c = live(ReceiveContact.of(Procedure.HOUSING, HOUSING, channel(i), received,
                Complainant.named("Tenant " + (i + 1)), "Repair not done"));
        c.officer = "h.green";
        return c.live(received.plus(Duration.ofHours(4)), Command.Triage.asReceived(), "triage")
                .live(received.plus(Duration.ofHours(5)), new Command.Allocate("h.green", VOC), "h.green")
                .live(received.plus(Duration.ofHours(6)), Command.RecordThemes.of("quality-of-service",
                        "communication"), "h.green");
    }

    /** Received, triaged within 24 hours and allocated: the process since 24 January. */
    private Case newComplaint(Kind kind, int i, Instant day) {
        Instant received = day.plus(Duration.ofHours(i % 7));
        Case c = live(contact(kind, i, received));
        c.officer = NEW_OFFICERS.get(i % NEW_OFFICERS.size());
        c.live(received.plus(Duration.ofHours(20)), triage(kind, i), "triage")
                .live(received.plus(Duration.ofHours(26)), new Command.Allocate(c.officer, VOC), c.officer);
        return c;
    }

    private static ReceiveContact contact(Kind kind, int i, Instant received) {
        Complainant who = Complainant.named("Resident " + kind + " " + i);
        return switch (kind) {
            // every fifth adults' complaint arrives looking corporate; triage corrects it
            case ADULTS -> i % 5 == 0
                    ? ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, channel(i), received, who,
                            "Unhappy with a care assessment")
                    : ReceiveContact.of(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, channel(i), received, who,
                            "Unhappy with a care assessment");
            case CHILDRENS -> ReceiveContact.of(Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, channel(i),
                    received, who, "Unhappy with a social worker's visit");
            case CORPORATE -> ReceiveContact.of(Procedure.CORPORATE,
                    List.of(ServiceArea.CORPORATE, HIGHWAYS, WASTE).get(i % 3), channel(i), received, who,
                    "Unhappy with how a report was handled");
        };
    }

    private static Command triage(Kind kind, int i) {
        return kind == Kind.ADULTS && i % 5 == 0 ? Command.Triage.as(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                : Command.Triage.asReceived();
    }

    private static Command respond(int i) {
        Outcome outcome = OUTCOMES.get(i % OUTCOMES.size());
        return outcome == Outcome.NOT_UPHELD ? Command.Respond.with(outcome, Remedy.EXPLANATION)
                : Command.Respond.with(outcome, Remedy.APOLOGY);
    }

    private static Channel channel(int i) {
        return List.of(Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM, Channel.LETTER).get(i % 4);
    }

    private static Instant at(String londonDateTime) {
        return LocalDateTime.parse(londonDateTime).atZone(LondonDays.ZONE).toInstant();
    }

    // ---------------------------------------------------------------- replaying the plan

    /** One planned call of the facade, run when the clock reaches the moment it was recorded. */
    private record Step(Instant recordedAt, int order, Runnable action) {
    }

    private Case live(ReceiveContact contact) {
        return new Case(contact, contact.receivedAt(), Audit.by("contact-centre"));
    }

    private void replay() {
        steps.sort(Comparator.comparing(Step::recordedAt).thenComparingInt(Step::order));
        for (Step step : steps) {
            clock.set(step.recordedAt());
            step.action().run();
        }
        clock.set(LOADED_AT);
    }

    /** One complaint's planned history; each step checked against the rules as it is planned. */
    private final class Case {
        private ComplaintId id;
        private final Instant received;
        private Instant lastOccurred;
        private Instant lastRecorded;
        private boolean triaged;
        private boolean acknowledged;
        private boolean stageTwo;
        private String officer;

        Case(ReceiveContact contact, Instant recordedAt, Audit audit) {
            received = contact.receivedAt();
            lastOccurred = received;
            lastRecorded = recordedAt;
            schedule(recordedAt, () -> id = complaints.receive(contact, audit).id());
        }

        /** Happened at {@code at} and recorded then. */
        Case live(Instant at, Command command, String actor) {
            return step(at, at, command, Audit.by(actor));
        }

        Case imported(Instant occurred, Command command) {
            return step(occurred, IMPORTED_AT, command,
                    Audit.by("legacy-import").occurredAt(occurred).because(IMPORT_REASON));
        }

        Case cleansed(Instant occurred, Command command) {
            return step(occurred, CLEANSED_AT, command,
                    Audit.by("recovery.team").occurredAt(occurred).because(CLEANSING_REASON));
        }

        /** Happened at {@code at} and recorded then, with the audit's actor and reason. */
        Case step(Instant at, Command command, Audit audit) {
            return step(at, at, command, audit);
        }

        private Case step(Instant occurred, Instant recorded, Command command, Audit audit) {
            checkState(!occurred.isBefore(lastOccurred) && !recorded.isBefore(lastRecorded)
                    && !occurred.isAfter(recorded), "%s planned out of order at %s", command, occurred);
            lastOccurred = occurred;
            lastRecorded = recorded;
            if (command instanceof Command.Triage) {
                triaged = true;
            } else if (command instanceof Command.Allocate) {
                acknowledged = false;
            } else if (command instanceof Command.Acknowledge) {
                acknowledged = true;
            } else if (command instanceof Command.Escalate) {
                stageTwo = true;
            }
            schedule(recorded, () -> complaints.execute(id, command, audit));
            return this;
        }

        private void schedule(Instant recordedAt, Runnable action) {
            steps.add(new Step(recordedAt, steps.size(), action));
        }
    }
}
