package uk.councilcomplaints.app.letters;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.store.jdbc.FeedConsumerException;
import uk.councilcomplaints.store.jdbc.JdbcFeedConsumer;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClientApi;
import uk.gov.service.notify.NotificationClientException;

/**
 * Emails the complainant through GOV.UK Notify when a complaint is acknowledged and when it is answered, at each
 * stage, following the event feed as the consumer {@value #CONSUMER} and recording each email on the case
 * ({@link Command.RecordLetterSent}).
 *
 * <p>At most one email per event: the event's {@code <complaint id>:<version>} is Notify's {@code reference}, and
 * before sending, Notify is asked whether it already has a notification with that reference (a send whose answer
 * was lost, or a poll that failed after sending). A case already recording that notification is not recorded
 * again. Notify's 429 and 5xx answers (and no answer at all) are tried again after 1, 2 and 4 seconds; after the
 * fourth try the poll fails and the consumer's position stays, so the next poll tries again. Any other 4xx to the
 * send (a bad address) is logged and that letter skipped, except 401 and 403 (a wrong API key), which fail the
 * poll, as does a 4xx to the look-up. A
 * complainant whose personal data is erased, or who gave no email address, gets no letter; nor does an event
 * recorded before {@code council-app.notify.send-from}, if set.
 */
public final class NotifyLetters {

    /** The feed consumer's name, and the actor recording letters. */
    public static final String CONSUMER = "notify-letters";

    /** Events handed to one poll. */
    public static final int BATCH_SIZE = 50;

    /** Tries of one letter before the poll fails. */
    static final int TRIES = 4;

    /** The wait before the second try; doubled before each further one. */
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(NotifyLetters.class);

    private final Complaints complaints;
    private final JdbcFeedConsumer consumer;
    private final String councilName;
    private final NotificationClientApi client;
    private final NotifyProperties.Templates templates;
    private final NotifyProperties.Personalisation placeholders;
    private final Sleeper sleeper;
    private final Optional<Instant> sendFrom;

    /**
     * @param complaints the facade, for personal data, histories and recording letters
     * @param dataSource the JDBC store's database, where the consumer keeps its position
     * @param council the store's council ({@code complaints.council})
     * @param councilName the council's name, for the letters
     * @param client Notify's client
     * @param properties the template ids and placeholder names
     * @param sleeper waits between tries
     */
    public NotifyLetters(Complaints complaints, DataSource dataSource, String council, String councilName,
            NotificationClientApi client, NotifyProperties properties, Sleeper sleeper) {
        this.complaints = requireNonNull(complaints, "complaints");
        this.consumer = JdbcFeedConsumer.of(dataSource, council, CONSUMER, BATCH_SIZE);
        this.councilName = requireNonNull(councilName, "councilName");
        this.client = requireNonNull(client, "client");
        this.templates = requireNonNull(properties.getTemplates(), "templates");
        this.placeholders = requireNonNull(properties.getPersonalisation(), "personalisation");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.sendFrom = Optional.ofNullable(properties.getSendFrom());
        requireText(templates.getAcknowledgement(), "council-app.notify.templates.acknowledgement");
        requireText(templates.getResponse(), "council-app.notify.templates.response");
    }

    private static void requireText(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is required when council-app.notify.enabled=true");
        }
    }

    /**
     * Handles the next events of the feed, at most {@value #BATCH_SIZE}; returns how many (0 when there were none
     * or another instance is polling).
     *
     * @throws FeedConsumerException if a letter could not be sent (Notify kept failing): the position stays
     */
    public int poll() {
        return consumer.poll((events, transaction) -> {
            for (FeedEvent e : events) {
                handle(e.event());
            }
        });
    }

    /** The consumer's position in the feed. */
    public long position() {
        return consumer.position();
    }

    private void handle(ComplaintEvent event) throws NotificationClientException, InterruptedException {
        EventType type = event.type();
        if (type != EventType.ACKNOWLEDGED && type != EventType.RESPONDED) {
            return;
        }
        if (sendFrom.isPresent() && event.recordedAt().isBefore(sendFrom.get())) {
            LOG.debug("No letter for event {}:{}: recorded before council-app.notify.send-from", event.complaintId(),
                    event.version());
            return;
        }
        Optional<PersonalData> personal = complaints.personalData(event.complaintId());
        if (personal.isEmpty()) {
            LOG.info("No letter for event {}:{}: the complainant's personal data is erased", event.complaintId(),
                    event.version());
            return;
        }
        Optional<String> email = personal.get().complainant().email();
        if (email.isEmpty()) {
            LOG.info("No letter for event {}:{}: the complainant gave no email address", event.complaintId(),
                    event.version());
            return;
        }
        List<ComplaintEvent> history = complaints.history(event.complaintId());
        Complaint then = new ComplaintHistory(history.subList(0, (int) event.version())).current();
        int stage = then.stage().number();
        boolean acknowledgement = type == EventType.ACKNOWLEDGED;
        String letter = (acknowledgement ? "acknowledgement" : "response") + "-stage-" + stage;
        String templateId = acknowledgement ? templates.getAcknowledgement() : templates.getResponse();
        String reference = event.complaintId() + ":" + event.version();

        Map<String, Object> personalisation = new LinkedHashMap<>();
        put(personalisation, placeholders.getName(), personal.get().complainant().name());
        put(personalisation, placeholders.getReference(), then.reference());
        put(personalisation, placeholders.getCouncil(), councilName);
        put(personalisation, placeholders.getStage(), Integer.toString(stage));

        Optional<String> notificationId = send(reference, templateId, email.get(), personalisation);
        if (notificationId.isEmpty()) {
            return;
        }
        boolean recorded = CaseRecord.of(history).lettersSent().stream()
                .anyMatch(l -> l.notificationId().equals(notificationId.get()));
        if (!recorded) {
            complaints.execute(event.complaintId(), new Command.RecordLetterSent(letter, notificationId.get()),
                    Audit.by(CONSUMER));
            LOG.info("Letter {} sent for event {} (Notify id {})", letter, reference, notificationId.get());
        }
    }

    private static void put(Map<String, Object> personalisation, String placeholder, String value) {
        if (placeholder != null && !placeholder.isBlank()) {
            personalisation.put(placeholder, value);
        }
    }

    /**
     * Notify's id of the email with this reference: one Notify already has, else one sent now; empty if Notify
     * refused it for good (a 4xx).
     */
    private Optional<String> send(String reference, String templateId, String email,
            Map<String, Object> personalisation) throws NotificationClientException, InterruptedException {
        Duration wait = FIRST_BACK_OFF;
        for (int attempt = 1; ; attempt++) {
            boolean sending = false;
            try {
                Optional<String> existing = client.getNotifications(null, "email", reference, null)
                        .getNotifications().stream()
                        .filter(n -> n.getReference().filter(reference::equals).isPresent())
                        .map(Notification::getId)
                        .map(Object::toString)
                        .findFirst();
                if (existing.isPresent()) {
                    LOG.info("Notify already has the email for event {}: not sent again", reference);
                    return existing;
                }
                sending = true;
                return Optional.of(client.sendEmail(templateId, email, personalisation, reference)
                        .getNotificationId().toString());
            } catch (NotificationClientException e) {
                int status = e.getHttpResult();
                if (!worthTryingAgain(status)) {
                    // a 4xx to the look-up, or 401/403 (the API key), is no fault of this letter: fail the poll
                    if (!sending || status == 401 || status == 403) {
                        throw e;
                    }
                    LOG.warn("Notify refused the email for event {} (HTTP {}): no letter sent: {}", reference, status,
                            e.getMessage());
                    return Optional.empty();
                }
                if (attempt >= TRIES) {
                    throw e;
                }
                LOG.info("Notify answered HTTP {} for event {}: trying again in {}", status, reference, wait);
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** 429, 5xx, or no answer at all (the client gives 0). */
    private static boolean worthTryingAgain(int status) {
        return status == 429 || status >= 500 || status == 0;
    }
}
