package uk.councilcomplaints.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.InvalidCommandException;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * What a store must do for data protection: anonymising (the complaints whose retention period ended, and single
 * cases) changes no report, for every report, on any day, known now or at a past instant; it erases the personal
 * data and the events' reasons and keeps every other fact of every event; it finds exactly the expired
 * complaints, once; and a subject access request finds exactly the complaints whose personal data names the
 * subject, in its own council only. Random histories are played through the facade. A store module extends this
 * class.
 */
public abstract class DataProtectionContract {

    private static final int EXAMPLES = 25;
    private static final LocalDate FIRST_DAY = LondonDays.dayOf(RandomHistories.START);
    private static final String JOB = "retention.job";

    /** A new, empty store on every call (for the JDBC store, a council of its own). */
    protected abstract ComplaintStore createStore();

    private static QuickTheory theory() {
        return qt().withExamples(EXAMPLES).withShrinkCycles(10);
    }

    private static Gen<List<Integer>> steps(int max) {
        return lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, max);
    }

    /** Short periods, so that random histories of a few months hold expired complaints. */
    private static RetentionPolicy policy(Random random) {
        RetentionPolicy policy = RetentionPolicy.defaults();
        for (Procedure p : Procedure.values()) {
            Period period = switch (random.nextInt(3)) {
                case 0 -> Period.ofDays(1 + random.nextInt(30));
                case 1 -> Period.ofMonths(1 + random.nextInt(2));
                default -> Period.ofMonths(6);
            };
            policy = policy.with(p, period);
        }
        return policy;
    }

    /** A store, clock and facade after playing random steps. */
    private final class World {
        final ComplaintStore store = createStore();
        final SettableClock clock = new SettableClock(RandomHistories.START);
        final RetentionPolicy policy;
        final Complaints complaints;
        final DataProtection protection;
        final RandomHistories player;

        World(RetentionPolicy policy) {
            this.policy = policy;
            this.complaints = Complaints.builder(store).clock(clock).retentionPolicy(policy).build();
            this.protection = complaints.dataProtection();
            this.player = new RandomHistories(complaints, clock);
        }

        World play(List<Integer> steps) {
            player.play(steps, true);
            return this;
        }

        LocalDate today() {
            return LondonDays.dayOf(clock.instant());
        }

        Map<ComplaintId, List<ComplaintEvent>> histories() {
            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                return all.collect(Collectors.toMap(ComplaintHistory::id, ComplaintHistory::events));
            }
        }

        /** Every report over this store, asked as {@code seed} says; equal seeds ask the same questions. */
        List<Object> reports(long seed, List<Instant> recorded) {
            Random random = new Random(seed);
            List<LocalDate> days = FIRST_DAY.minusDays(1).datesUntil(today().plusDays(2)).toList();
            Reports reports = Reports.over(store);
            List<Object> answers = new ArrayList<>();
            Optional<Instant> knownAt = recorded.isEmpty() || random.nextBoolean() ? Optional.empty()
                    : Optional.of(recorded.get(random.nextInt(recorded.size())));
            for (Grouping grouping : Grouping.values()) {
                LocalDate asOf = pick(random, days);
                LocalDate cohort = pick(random, days);
                LocalDate from = pick(random, days);
                List<ReportQuery.Builder> queries = List.of(
                        ReportQuery.builder(Population.all(), grouping, asOf),
                        ReportQuery.builder(Population.openAtStartOf(cohort), grouping,
                                cohort.plusDays(random.nextInt(30))).stillOpen(),
                        ReportQuery.builder(Population.receivedBetween(from, from.plusDays(random.nextInt(60))),
                                grouping, asOf));
                for (ReportQuery.Builder q : queries) {
                    knownAt.ifPresent(q::knownAt);
                    answers.add(reports.table(q.build()));
                }
            }
            LocalDate cohortDay = pick(random, days);
            ReportQuery byType = ReportQuery.builder(Population.openAtStartOf(cohortDay), Grouping.TYPE,
                    cohortDay.plusDays(random.nextInt(30))).build();
            answers.add(reports.burnDown(byType, byType.asOf().datesUntil(byType.asOf().plusDays(15)).toList()));
            answers.add(store.count(CountQuery.of(new CountQuery.All(Optional.empty()),
                    Grouping.SERVICE_AREA.dimensions(), days, knownAt)));
            LocalDate asOf = pick(random, days);
            Instant known = knownAt.orElse(Instant.MAX);
            answers.add(reports.officerWorkload(asOf, KnownAt.of(known)));
            LocalDate shareTo = asOf.isBefore(FIRST_DAY) ? FIRST_DAY : asOf;
            answers.add(reports.nonComplaintShare(FIRST_DAY, shareTo, shareTo, KnownAt.of(known)));
            LocalDate from = pick(random, days);
            LocalDate to = from.plusDays(random.nextInt(90));
            answers.add(reports.slaPerformance(from, to, to.plusDays(random.nextInt(5)), KnownAt.of(known)));
            answers.add(reports.statutoryAnnual(LocalDate.of(2022 + random.nextInt(2), 3, 31), KnownAt.of(known)));
            return answers;
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Whether the state's personal data expired on {@code day}: closed on its latest event's day, plus the period. */
    private static boolean expiredOn(Complaint c, RetentionPolicy policy, LocalDate day) {
        LocalDate closed = LondonDays.dayOf(c.lastOccurredAt());
        return !c.status().open() && !c.personalDataErased() && closed.plus(policy.period(c.procedure())).isBefore(day);
    }

    @Test
    public void anonymisingChangesNoReportAndErasesOnlyPersonalData() {
        AtomicInteger anonymisedTotal = new AtomicInteger();
        theory().forAll(steps(80), integers().allPositive()).checkAssert((steps, seed) -> {
            Random random = new Random(seed);
            World w = new World(policy(random)).play(steps);
            w.clock.advance(Duration.ofMinutes(1 + random.nextInt(600)));
            Map<ComplaintId, List<ComplaintEvent>> before = w.histories();
            Map<ComplaintId, Complaint> statesBefore = new HashMap<>();
            before.forEach((id, events) -> statesBefore.put(id, new ComplaintHistory(events).current()));
            Map<ComplaintId, Optional<PersonalData>> personalBefore = new HashMap<>();
            before.keySet().forEach(id -> personalBefore.put(id, w.store.personalData(id)));
            List<Instant> recorded = new ArrayList<>(before.values().stream().flatMap(List::stream)
                    .map(ComplaintEvent::recordedAt).collect(Collectors.toCollection(TreeSet::new)));
            List<Object> reportsBefore = w.reports(seed, recorded);

            int span = (int) (w.today().toEpochDay() - FIRST_DAY.toEpochDay() + 1);
            // mostly recent days, when most have expired; now and then any day
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(4) == 0 ? random.nextInt(span)
                    : Math.max(0, span - 1 - random.nextInt(5)));
            Set<ComplaintId> expected = statesBefore.values().stream().filter(c -> expiredOn(c, w.policy, day))
                    .map(Complaint::id).collect(Collectors.toSet());
            assertEquals(expected, ids(w.protection.expired(day)), "expired on " + day);
            List<Complaint> anonymised = w.protection.anonymiseExpired(day, JOB);
            assertEquals(expected, ids(anonymised), "anonymised on " + day);
            assertEquals(List.of(), w.protection.anonymiseExpired(day, JOB), "a second run anonymises nothing");
            anonymisedTotal.addAndGet(anonymised.size());

            Set<ComplaintId> erased = new java.util.HashSet<>(expected);
            for (ComplaintId id : before.keySet()) {
                if (random.nextInt(4) == 0 && !w.store.load(id).orElseThrow().personalDataErased()) {
                    w.complaints.anonymise(id, Audit.by("dpo").because("the complainant asked for erasure"));
                    erased.add(id);
                }
            }

            assertEquals(reportsBefore, w.reports(seed, recorded), "every report as it was");
            Map<ComplaintId, List<ComplaintEvent>> after = w.histories();
            assertEquals(before.keySet(), after.keySet());
            for (ComplaintId id : before.keySet()) {
                List<ComplaintEvent> was = before.get(id);
                List<ComplaintEvent> is = after.get(id);
                assertEquals(is, w.store.history(id));
                if (!erased.contains(id)) {
                    assertEquals(was, is, "untouched");
                    assertEquals(personalBefore.get(id), w.store.personalData(id));
                    continue;
                }
                assertEquals(was.size() + 1, is.size());
                for (int i = 0; i < was.size(); i++) {
                    ComplaintEvent e = was.get(i);
                    assertEquals(e.withReasonErased(), is.get(i), "every fact of the event stays, its reason goes");
                    assertEquals(e.reason().isPresent(), is.get(i).reason().isPresent());
                }
                ComplaintEvent erasure = is.get(is.size() - 1);
                assertEquals(EventType.PERSONAL_DATA_ERASED, erasure.type());
                assertEquals(w.clock.instant(), erasure.recordedAt());
                assertTrue(erasure.reason().isPresent()
                        && !erasure.reason().get().equals(ComplaintEvent.ERASED_REASON));
                if (expected.contains(id)) {
                    assertEquals(JOB, erasure.actor());
                    assertTrue(erasure.reason().get().startsWith("retention period ended"), erasure.reason().get());
                }
                assertEquals(Optional.empty(), w.store.personalData(id));
                assertTrue(w.store.load(id).orElseThrow().personalDataErased());
                assertEquals(statesBefore.get(id).status(), w.store.load(id).orElseThrow().status());
            }
            assertEquals(List.of(), w.protection.expired(w.today()).stream()
                    .filter(c -> erased.contains(c.id())).toList(), "an erased complaint is never expired again");
        });
        // a floor that shows the property was exercised, well below what 25 random examples give (the fewest
        // seen was 23), so that it does not fail by chance
        assertTrue(anonymisedTotal.get() >= 10, "only " + anonymisedTotal + " complaints expired in all");
    }

    private static Set<ComplaintId> ids(List<Complaint> complaints) {
        return complaints.stream().map(Complaint::id).collect(Collectors.toSet());
    }

    /** Complainants whose email addresses or names differ only in case, accents or spaces. */
    private static final List<Complainant> PEOPLE = List.of(
            Complainant.named("Jo Bloggs").withEmail("jo.bloggs@example.org"),
            Complainant.named("JO BLOGGS").withEmail("Jo.Bloggs@Example.ORG").withPhone("01632 960000"),
            Complainant.named("Jo  Bloggs").withEmail("jo.bloggs@example.org.uk"),
            Complainant.named("Siân Ellis").withEmail("sian.ellis@example.org"),
            Complainant.named("SIÂN ELLIS").withEmail("SIAN.ELLIS@EXAMPLE.ORG").withAddress("1 High St\nTown"),
            Complainant.named("siân ellis"),
            Complainant.named("Zoë 😀 Ng").withEmail("zoë@example.org"),
            Complainant.named("Zoë Williams").withEmail("ZOË@EXAMPLE.ORG"),
            Complainant.named(" ZOË\u00a0WILLIAMS ").withEmail("zoe.w@example.org"),
            Complainant.named("Zoe Williams"),
            Complainant.named("Ｊｏ Ｂｌｏｇｇｓ"),
            Complainant.named("Mr Straße"),
            Complainant.named("MR STRASSE"));

    private static final List<DataSubject> ASKED = List.of(DataSubject.withEmail("JO.BLOGGS@example.org"),
            DataSubject.withEmail("jo.bloggs@example.org.uk"), DataSubject.named("jo bloggs"),
            DataSubject.named("Siân Ellis"), DataSubject.named("SIÂN ELLIS"),
            DataSubject.withEmail("sian.ellis@example.org"),
            DataSubject.withEmail("ZOË@example.org"), DataSubject.withEmail("zoë@example.org"),
            DataSubject.named("Zoë 😀 Ng"), DataSubject.withEmail("nobody@example.org"),
            DataSubject.named("ZOË WILLIAMS"), DataSubject.named(" Zoë Williams"),
            DataSubject.named("zoe williams"), DataSubject.named("Zoe Williams").ignoringAccents(),
            DataSubject.named("mr strasse"), DataSubject.withEmail("Zoe.W@Example.Org"));

    /**
     * What a subject access request compares, written out from its definition: Unicode NFKC, full case
     * folding (upper then lower case in the root locale, which folds "ß" to "ss"), white space collapsed and
     * trimmed for names, and accents dropped when asked.
     */
    private static String folded(String s, boolean name, boolean withoutAccents) {
        String f = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        if (name) {
            f = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS).matcher(f).replaceAll(" ").strip();
        }
        if (withoutAccents) {
            f = Normalizer.normalize(Normalizer.normalize(f, Normalizer.Form.NFD).replaceAll("\\p{Mn}", ""),
                    Normalizer.Form.NFC);
        }
        return f;
    }

    private static boolean theirs(DataSubject subject, Complainant who) {
        if (subject.field() == DataSubject.Field.EMAIL) {
            return who.email().map(m -> folded(m, false, false).equals(folded(subject.value(), false, false)))
                    .orElse(false);
        }
        boolean plain = subject.accentsIgnored();
        return folded(who.name(), true, plain).equals(folded(subject.value(), true, plain));
    }

    @Test
    public void aSubjectAccessRequestFindsExactlyTheSubjectsComplaintsInItsCouncil() {
        theory().forAll(steps(30), integers().allPositive()).checkAssert((steps, seed) -> {
            Random random = new Random(seed);
            World w = new World(RetentionPolicy.defaults());
            World otherCouncil = new World(RetentionPolicy.defaults());
            Map<ComplaintId, Complainant> given = new HashMap<>();
            for (int i = 0; i < 3 + random.nextInt(8); i++) {
                Complainant who = pick(random, PEOPLE);
                w.clock.advance(Duration.ofMinutes(random.nextInt(3000)));
                Complaint c = w.complaints.receive(ReceiveContact.of(pick(random, List.of(Procedure.values())),
                        ServiceArea.CORPORATE, Channel.PHONE, w.clock.instant(), who, "about the bins, " + i),
                        Audit.by("t"));
                given.put(c.id(), who);
                otherCouncil.clock.set(w.clock.instant());
                otherCouncil.complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE,
                        Channel.PHONE, w.clock.instant(), who, "elsewhere"), Audit.by("t"));
                if (random.nextBoolean()) {
                    w.play(steps.subList(0, random.nextInt(steps.size())));
                    w.complaints.execute(c.id(), Command.Triage.asReceived(),
                            Audit.by("t").because("note on " + who.name()));
                }
            }
            List<ComplaintId> ids = new ArrayList<>(given.keySet());
            ComplaintId forgotten = pick(random, ids);
            w.complaints.anonymise(forgotten, Audit.by("dpo").because("asked"));
            for (DataSubject subject : ASKED) {
                SubjectAccessReport report = w.protection.subjectAccess(subject);
                List<ComplaintId> expected = given.entrySet().stream()
                        .filter(e -> !e.getKey().equals(forgotten))
                        .filter(e -> theirs(subject, e.getValue()))
                        .map(Map.Entry::getKey)
                        .sorted(Comparator.comparing((ComplaintId id) -> w.store.load(id).orElseThrow().receivedAt())
                                .thenComparing(id -> id))
                        .toList();
                assertEquals(expected, report.complaints().stream().map(h -> h.complaint().id()).toList(),
                        subject.field() + " " + subject.value());
                assertEquals(subject, report.subject());
                assertEquals(w.clock.instant(), report.producedAt());
                for (SubjectAccessReport.Held held : report.complaints()) {
                    ComplaintId id = held.complaint().id();
                    assertEquals(w.store.load(id).orElseThrow(), held.complaint());
                    assertEquals(given.get(id), held.personalData().complainant());
                    assertEquals(w.store.history(id), held.history());
                }
            }
        });
    }

    @Test
    public void personalDataIsKeptToTheEndOfTheRetentionPeriodAndAnonymisedTheDayAfter() {
        SettableClock clock = SettableClock.at("2016-03-01T10:00:00Z");
        ComplaintStore store = createStore();
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        DataProtection protection = complaints.dataProtection();
        Complaint withdrawn = receive(complaints, clock, Procedure.CORPORATE);
        clock.set(Instant.parse("2016-03-10T23:30:00Z")); // 23:30 on 10 March in London (GMT)
        complaints.execute(withdrawn.id(), uk.councilcomplaints.workflow.Command.Close.withdrawn(), Audit.by("t"));
        Complaint adults = receive(complaints, clock, Procedure.ADULT_SOCIAL_CARE);
        complaints.execute(adults.id(), Command.Triage.asReceived(), Audit.by("t"));
        complaints.execute(adults.id(), new Command.Allocate("ann", "North"), Audit.by("t"));
        complaints.execute(adults.id(), new Command.Acknowledge(), Audit.by("t"));
        clock.set(Instant.parse("2016-06-30T23:30:00Z")); // 1 July 00:30 in London (BST)
        complaints.execute(adults.id(), Command.Respond.with(Outcome.UPHELD), Audit.by("t"));
        Complaint open = receive(complaints, clock, Procedure.CHILDRENS_SOCIAL_CARE);

        clock.set(Instant.parse("2022-03-11T09:00:00Z"));
        assertEquals(Optional.of(LocalDate.of(2022, 3, 10)),
                protection.retentionPolicy().keptUntil(store.load(withdrawn.id()).orElseThrow()));
        assertEquals(List.of(), protection.expired(LocalDate.of(2022, 3, 9)));
        assertEquals(List.of(), protection.anonymiseExpired(LocalDate.of(2022, 3, 10), JOB), "kept on its last day");
        assertTrue(store.personalData(withdrawn.id()).isPresent());
        assertEquals(List.of(withdrawn.id()), protection.anonymiseExpired(LocalDate.of(2022, 3, 11), JOB).stream()
                .map(Complaint::id).toList(), "anonymised the day after");
        assertEquals(Optional.empty(), store.personalData(withdrawn.id()));
        assertEquals("retention period ended: closed 2016-03-10, kept P6Y to 2022-03-10",
                last(store.history(withdrawn.id())).reason().orElseThrow());
        assertEquals(List.of(), protection.anonymiseExpired(LocalDate.of(2022, 3, 11), JOB), "once");

        InvalidCommandException future = assertThrows(InvalidCommandException.class,
                () -> protection.anonymiseExpired(LocalDate.of(2022, 3, 12), JOB));
        assertTrue(future.getMessage().contains("day: must not be after today (2022-03-11)"), future.getMessage());
        assertThrows(InvalidCommandException.class, () -> protection.anonymiseExpired(LocalDate.of(2022, 3, 11), " "));

        // responded on 1 July 2016 in London: kept to 1 July 2022; a later referral starts the period again
        clock.set(Instant.parse("2022-07-02T09:00:00Z"));
        assertEquals(List.of(adults.id()),
                protection.expired(LocalDate.of(2022, 7, 2)).stream().map(Complaint::id).toList());
        assertEquals(List.of(), protection.expired(LocalDate.of(2022, 7, 1)));
        complaints.execute(adults.id(), new Command.ReferToOmbudsman(), Audit.by("t"));
        assertEquals(List.of(), protection.anonymiseExpired(LocalDate.of(2022, 7, 2), JOB));
        assertEquals(Optional.of(LocalDate.of(2028, 7, 2)),
                protection.retentionPolicy().keptUntil(store.load(adults.id()).orElseThrow()));
        assertTrue(store.personalData(open.id()).isPresent(), "an open complaint never expires");
        assertFalse(store.load(open.id()).orElseThrow().personalDataErased());
    }

    private static Complaint receive(Complaints complaints, SettableClock clock, Procedure procedure) {
        return complaints.receive(ReceiveContact.of(procedure, ServiceArea.OTHER, Channel.LETTER, clock.instant(),
                Complainant.named("A. Person").withEmail("a.person@example.org"), "summary"), Audit.by("t"));
    }

    private static ComplaintEvent last(List<ComplaintEvent> events) {
        return events.get(events.size() - 1);
    }

    @Test
    public void theReasonsOfEarlierEventsAreErasedWithThePersonalData() {
        SettableClock clock = SettableClock.at("2022-03-01T10:00:00Z");
        ComplaintStore store = createStore();
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint c = receive(complaints, clock, Procedure.CORPORATE);
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("t").because("A. Person was in hospital"));
        complaints.execute(c.id(), new Command.Allocate("ann", "North"), Audit.by("t"));
        complaints.anonymise(c.id(), Audit.by("dpo").because("asked by the complainant"));
        List<ComplaintEvent> history = store.history(c.id());
        assertEquals(List.of(Optional.<String>empty(), Optional.of(ComplaintEvent.ERASED_REASON),
                Optional.<String>empty(),
                Optional.of("asked by the complainant")), history.stream().map(ComplaintEvent::reason).toList());
        assertEquals(List.of("t", "t", "t", "dpo"), history.stream().map(ComplaintEvent::actor).toList());
        assertNotEquals(ComplaintEvent.ERASED_REASON, "A. Person was in hospital");
        assertEquals(EnumSet.of(EventType.RECEIVED, EventType.TRIAGED, EventType.ALLOCATED,
                EventType.PERSONAL_DATA_ERASED), history.stream().map(ComplaintEvent::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class))));
    }
}
