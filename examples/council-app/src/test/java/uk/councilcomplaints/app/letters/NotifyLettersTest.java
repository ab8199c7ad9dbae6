package uk.councilcomplaints.app.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.app.letters.FakeNotify.Email;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.CaseRecord.Letter;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.jdbc.FeedConsumerException;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;
import uk.gov.service.notify.NotificationClient;

/**
 * The letters through the real Notify client against a fake of Notify's HTTP API, on the JDBC store on H2: what is
 * sent on acknowledgement and response, retries with back-off, a lost answer found again by reference, no
 * duplicates on a second poll or from a second instance, nothing for an erased complainant.
 */
class NotifyLettersTest {

    private static final String COUNCIL = "anyshire";
    private static final String ACKNOWLEDGEMENT = "0e1b7bd1-2f43-4c1e-8b6a-7f3e2f8c1a01";
    private static final String RESPONSE = "6a9d2c44-91b5-4f0a-a3d2-5c8e7b9f0a02";
    /** Notify's format: a name, the service id, the secret. */
    private static final String API_KEY = "council_app_test-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    private static final Audit OFFICER = Audit.by("a.patel");

    private FakeNotify notify;
    private JdbcConnectionPool dataSource;
    private Complaints complaints;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        notify = new FakeNotify();
        dataSource = JdbcConnectionPool.create("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        JdbcComplaintStore store = JdbcComplaintStore.builder(dataSource).council(COUNCIL).build();
        complaints = Complaints.builder(store).build();
    }

    @AfterEach
    void stop() {
        notify.close();
        dataSource.dispose();
    }

    private NotifyLetters letters() {
        return letters(new NotifyProperties());
    }

    private NotifyLetters letters(NotifyProperties properties) {
        properties.setEnabled(true);
        properties.setApiKey(API_KEY);
        properties.setBaseUrl(notify.baseUrl());
        properties.getTemplates().setAcknowledgement(ACKNOWLEDGEMENT);
        properties.getTemplates().setResponse(RESPONSE);
        return new NotifyLetters(complaints, dataSource, COUNCIL, "Anyshire County Council",
                new NotificationClient(API_KEY, notify.baseUrl()), properties, waits::add);
    }

    private Complaint receive(Complainant complainant) {
        Complaint c = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE,
                Channel.EMAIL, Instant.now().minusSeconds(60), complainant, "The bins were not collected"),
                Audit.by("contact"));
        complaints.execute(c.id(), Command.Triage.asReceived(), OFFICER);
        complaints.execute(c.id(), new Command.Allocate("a.patel", "Voice of the customer"), OFFICER);
        return c;
    }

    private Complaint acknowledged(String name, String email) {
        Complaint c = receive(Complainant.named(name).withEmail(email));
        return complaints.execute(c.id(), new Command.Acknowledge(), OFFICER);
    }

    private List<Letter> lettersSent(Complaint c) {
        return CaseRecord.of(complaints.history(c.id())).lettersSent();
    }

    private static String reference(Complaint c, long version) {
        return c.id() + ":" + version;
    }

    @Test
    void anAcknowledgementSendsOneEmailAndIsRecordedOnTheCase() {
        Complaint c = acknowledged("Jo Bloggs", "jo.bloggs@example.org");

        assertThat(letters().poll()).isGreaterThan(0);

        assertThat(notify.emails()).hasSize(1);
        Email email = notify.emails().get(0);
        assertThat(email.templateId()).isEqualTo(ACKNOWLEDGEMENT);
        assertThat(email.emailAddress()).isEqualTo("jo.bloggs@example.org");
        assertThat(email.reference()).isEqualTo(reference(c, c.version()));
        assertThat(email.personalisation().toMap()).isEqualTo(Map.of("name", "Jo Bloggs", "reference",
                c.reference(), "council", "Anyshire County Council", "stage", "1"));
        assertThat(lettersSent(c)).singleElement().satisfies(l -> {
            assertThat(l.letter()).isEqualTo("acknowledgement-stage-1");
            assertThat(l.notificationId()).isEqualTo(email.id());
        });
        assertThat(complaints.history(c.id()).get((int) c.version()).actor()).isEqualTo("notify-letters");
        // every request the client made carried a JWT as a bearer token, and first asked for the reference
        assertThat(notify.requests()).allSatisfy(r -> assertThat(r.authorization()).matches(
                "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
        assertThat(notify.requests()).extracting(FakeNotify.Request::method, FakeNotify.Request::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/v2/notifications"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/v2/notifications/email"));
        assertThat(waits).isEmpty();
    }

    @Test
    void aResponseAtStageTwoUsesTheResponseTemplate() {
        Complaint c = acknowledged("Sam Jones", "sam@example.org");
        complaints.execute(c.id(), new Command.SendToService(), OFFICER);
        complaints.execute(c.id(), Command.Respond.with(Outcome.NOT_UPHELD), OFFICER);
        complaints.execute(c.id(), new Command.Escalate(), OFFICER);
        complaints.execute(c.id(), new Command.Allocate("manager", "Voice of the customer"), Audit.by("manager"));
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("manager"));
        Complaint answered = complaints.execute(c.id(), Command.Respond.with(Outcome.PARTLY_UPHELD),
                Audit.by("manager"));

        letters().poll();

        assertThat(notify.emails()).extracting(Email::templateId)
                .containsExactly(ACKNOWLEDGEMENT, RESPONSE, ACKNOWLEDGEMENT, RESPONSE);
        Email last = notify.emails().get(3);
        assertThat(last.reference()).isEqualTo(reference(c, answered.version()));
        assertThat(last.personalisation().getString("stage")).isEqualTo("2");
        assertThat(lettersSent(c)).extracting(Letter::letter).containsExactly("acknowledgement-stage-1",
                "response-stage-1", "acknowledgement-stage-2", "response-stage-2");
        assertThat(lettersSent(c).get(3).notificationId()).isEqualTo(last.id());
    }

    @Test
    void errorsAndRateLimitsAreTriedAgainAfterABackOff() {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        notify.failNextSends(500, 429);

        letters().poll();

        assertThat(notify.emails()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(lettersSent(c)).singleElement().extracting(Letter::notificationId)
                .isEqualTo(notify.emails().get(0).id());
    }

    @Test
    void aLostAnswerIsFoundByReferenceAndNotSentAgain() {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        notify.loseNextSends(1);

        letters().poll();

        assertThat(notify.emails()).hasSize(1);
        assertThat(notify.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(lettersSent(c)).singleElement().extracting(Letter::notificationId)
                .isEqualTo(notify.emails().get(0).id());
    }

    @Test
    void afterTheLastTryThePollFailsAndThePositionStaysForTheNextPoll() {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        NotifyLetters letters = letters();
        notify.failNext(503, 503, 503, 503);

        assertThatThrownBy(letters::poll).isInstanceOf(FeedConsumerException.class);
        assertThat(letters.position()).isZero();
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(notify.emails()).isEmpty();
        assertThat(lettersSent(c)).isEmpty();

        assertThat(letters.poll()).isGreaterThan(0);
        assertThat(notify.emails()).hasSize(1);
        assertThat(lettersSent(c)).hasSize(1);
    }

    @Test
    void aPollAfterAFailureHalfWayThroughABatchSendsNothingTwice() {
        Complaint first = acknowledged("Jo Bloggs", "jo@example.org");
        Complaint second = acknowledged("Sam Jones", "sam@example.org");
        NotifyLetters letters = letters();
        notify.failNextSendsTo("sam@example.org", 500, 500, 500, 500);

        assertThatThrownBy(letters::poll).isInstanceOf(FeedConsumerException.class);
        assertThat(notify.emails()).extracting(Email::emailAddress).containsExactly("jo@example.org");
        assertThat(lettersSent(first)).hasSize(1);

        letters.poll();

        assertThat(notify.emails()).extracting(Email::emailAddress).containsExactly("jo@example.org",
                "sam@example.org");
        assertThat(lettersSent(first)).hasSize(1);
        assertThat(lettersSent(second)).hasSize(1);
    }

    @Test
    void pollingAgainSendsNothingMore() {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        NotifyLetters letters = letters();
        letters.poll();
        int requests = notify.requests().size();

        assertThat(letters.poll()).isGreaterThan(0); // the LETTER_SENT event it recorded, which it passes by
        assertThat(letters.poll()).isZero();

        assertThat(notify.emails()).hasSize(1);
        assertThat(notify.requests()).hasSize(requests);
        assertThat(lettersSent(c)).hasSize(1);
    }

    @Test
    void eventsHandedAgainAfterTheirLettersWentAreNotSentOrRecordedTwice() throws Exception {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        letters().poll();
        // as if the poll had failed after sending and recording: the feed's position goes back to the start
        try (var connection = dataSource.getConnection(); var move = connection.prepareStatement(
                "UPDATE feed_consumers SET last_position = 0 WHERE consumer_name = 'notify-letters'")) {
            move.executeUpdate();
        }

        letters().poll();

        assertThat(notify.emails()).hasSize(1);
        assertThat(lettersSent(c)).hasSize(1);
    }

    @Test
    void anErasedComplainantGetsNoLetter() {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        complaints.anonymise(c.id(), OFFICER.because("asked to be forgotten"));

        letters().poll();

        assertThat(notify.requests()).isEmpty();
        assertThat(lettersSent(c)).isEmpty();
    }

    @Test
    void eventsRecordedBeforeSendFromGetNoLetter() {
        Complaint before = acknowledged("Jo Bloggs", "jo@example.org");
        NotifyProperties properties = new NotifyProperties();
        properties.setSendFrom(Instant.now().plusMillis(1));
        while (!Instant.now().isAfter(properties.getSendFrom())) {
            Thread.onSpinWait();
        }
        Complaint after = acknowledged("Sam Jones", "sam@example.org");

        letters(properties).poll();

        assertThat(notify.emails()).extracting(Email::emailAddress).containsExactly("sam@example.org");
        assertThat(lettersSent(before)).isEmpty();
        assertThat(lettersSent(after)).hasSize(1);
    }

    @Test
    void aComplainantWithoutEmailGetsNoLetter() {
        Complaint c = receive(Complainant.named("Pat Post").withAddress("1 High Street\nAnytown"));
        complaints.execute(c.id(), new Command.Acknowledge(), OFFICER);

        letters().poll();

        assertThat(notify.requests()).isEmpty();
        assertThat(lettersSent(c)).isEmpty();
    }

    @Test
    void aBadAddressIsSkippedWithoutRetryOrRecord() {
        Complaint bad = acknowledged("Jo Bloggs", "jo@example.org");
        Complaint good = acknowledged("Sam Jones", "sam@example.org");
        notify.failNextSends(400);

        letters().poll();

        assertThat(waits).isEmpty();
        assertThat(lettersSent(bad)).isEmpty();
        assertThat(notify.emails()).singleElement().extracting(Email::emailAddress).isEqualTo("sam@example.org");
        assertThat(lettersSent(good)).hasSize(1);
    }

    @Test
    void aSecondInstancePollingMeanwhileSendsNothing() throws Exception {
        Complaint c = acknowledged("Jo Bloggs", "jo@example.org");
        NotifyLetters first = letters();
        NotifyLetters second = letters();
        notify.holdSends();

        CompletableFuture<Integer> firstPoll = CompletableFuture.supplyAsync(first::poll);
        assertThat(notify.awaitHeldSend()).isTrue();
        int secondPoll = second.poll();
        notify.release();

        assertThat(secondPoll).isZero();
        assertThat(firstPoll.get(30, TimeUnit.SECONDS)).isGreaterThan(0);
        assertThat(second.poll()).isGreaterThan(0); // then it goes on from where the first left off
        assertThat(notify.emails()).hasSize(1);
        assertThat(lettersSent(c)).hasSize(1);
    }
}
