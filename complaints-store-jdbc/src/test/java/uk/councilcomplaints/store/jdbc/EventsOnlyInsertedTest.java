package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.protection.RetentionPolicy;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The audit trail is never rewritten: erasing personal data, one complaint at a time or by retention, erases the
 * events' reasons without the store issuing any UPDATE or DELETE on {@code complaint_events}, as the SQL it
 * prepares and executes shows, on H2 and PostgreSQL.
 */
class EventsOnlyInsertedTest {

    private static final Pattern REWRITES_EVENTS = Pattern.compile(
            "\\b(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(\\s+TABLE)?)\\s+complaint_events\\b",
            Pattern.CASE_INSENSITIVE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void erasureAndRetentionNeverUpdateOrDeleteAnEvent(Databases db) {
        List<String> sql = new CopyOnWriteArrayList<>();
        JdbcComplaintStore store = ContractStores.fresh(recording(db.dataSource(), sql));
        SettableClock clock = new SettableClock(RandomHistories.START);
        RetentionPolicy policy = RetentionPolicy.defaults();
        for (Procedure p : Procedure.values()) {
            policy = policy.with(p, Period.ofDays(1));
        }
        Complaints complaints = Complaints.builder(store).clock(clock).retentionPolicy(policy).build();
        RandomHistories player = new RandomHistories(complaints, clock);
        Random random = new Random(11);
        player.play(IntStream.range(0, 80).mapToObj(i -> random.nextInt(Integer.MAX_VALUE - 1)).toList(), true);
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("INSERT INTO complaint_events")),
                "the recorder sees the store's SQL: " + sql.size() + " statements");

        ComplaintId open = player.ids().stream()
                .filter(id -> !store.load(id).orElseThrow().personalDataErased()
                        && store.load(id).orElseThrow().status().open())
                .findFirst().orElseThrow();
        complaints.anonymise(open, Audit.by("dpo").because("subject asked"));
        clock.advance(Duration.ofDays(10));
        List<Complaint> expired = complaints.anonymiseExpired(LondonDays.dayOf(clock.instant()), "retention.job");
        assertFalse(expired.isEmpty(), "retention found nothing to anonymise");

        List<String> rewrites = sql.stream().filter(s -> REWRITES_EVENTS.matcher(s).find()).toList();
        assertEquals(List.of(), rewrites);
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("UPDATE event_reasons")), "reasons were erased");
        List<ComplaintId> anonymised = Stream.concat(Stream.of(open), expired.stream().map(Complaint::id)).toList();
        for (ComplaintId id : anonymised) {
            List<ComplaintEvent> events = store.history(id);
            List<ComplaintEvent> earlier = events.subList(0, events.size() - 1);
            assertEquals(earlier.stream().map(ComplaintEvent::withReasonErased).toList(), earlier,
                    "reasons before the erasure of " + id);
            assertTrue(events.get(events.size() - 1).reason().isPresent(), "the erasure keeps its own reason");
        }
    }

    /** {@code target}, recording the SQL of every statement its connections prepare or execute. */
    private static DataSource recording(DataSource target, List<String> sql) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, (m, a, r) -> {
                    if (m.getName().startsWith("prepare") && a != null && a[0] instanceof String s) {
                        sql.add(s);
                    }
                    return r instanceof Statement st && m.getName().equals("createStatement")
                            ? proxy(Statement.class, st, (sm, sa, sr) -> {
                                if (sm.getName().startsWith("execute") && sa != null && sa.length > 0
                                        && sa[0] instanceof String s) {
                                    sql.add(s);
                                }
                                return sr;
                            })
                            : r;
                })
                : result);
    }

    /** What a proxy does with a call's result, having made the call on the target. */
    @FunctionalInterface
    private interface After {
        Object apply(java.lang.reflect.Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(EventsOnlyInsertedTest.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }
}
