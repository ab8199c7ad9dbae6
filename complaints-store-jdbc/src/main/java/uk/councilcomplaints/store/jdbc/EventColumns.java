package uk.councilcomplaints.store.jdbc;

import static uk.councilcomplaints.store.jdbc.Values.required;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;

/**
 * A row of {@code complaint_events}: the event's envelope (complaint, version, type, status, both times, actor)
 * and the typed columns that hold its data; the event's reason, if any, is a row of {@code event_reasons}. Writing the data goes through an
 * {@link EventData.Visitor} and reading through an exhaustive switch on {@link EventType}, so a new type of
 * event does not compile until its columns are decided here (and, if it needs new ones, a migration adds
 * them). Its SQL is {@link EventsTable}'s.
 */
final class EventColumns {

    /** The columns of an event row before schema version 7, in the order {@link #bindRow} sets them first. */
    static final List<String> ROW_BEFORE_V7 = List.of("complaint_id", "version", "event_type", "status", "occurred_at",
            "recorded_at", "actor", "reference", "procedure_code", "service_area_code",
            "service_area_name", "channel", "matter_date", "classification", "officer", "team", "outcome", "remedies",
            "stage", "closure_reason", "duplicate_of", "working_days", "agreed_response_date",
            "late_request_accepted");

    /** The columns schema version 7 added, for the record a council keeps (refusals, themes, Ombudsman, learning). */
    static final List<String> RECORD_KEEPING = List.of("exclusion", "themes", "payment_pence", "ombudsman_decision",
            "due_date", "done_date", "action_number", "details", "linked_complaints");

    /** The column schema version 8 added: the letter a {@code LETTER_SENT} event names. */
    static final List<String> LETTERS = List.of("letter");

    /** Every column of an event row, in the order {@link #bindRow} sets them after the council. */
    static final List<String> ROW = ImmutableList.<String>builder().addAll(ROW_BEFORE_V7).addAll(RECORD_KEEPING)
            .addAll(LETTERS).build();

    private static final Splitter COMMA = Splitter.on(',');

    private String reference;
    private Procedure procedure;
    private String serviceAreaCode;
    private String serviceAreaName;
    private Channel channel;
    private LocalDate matterDate;
    private Classification classification;
    private String officer;
    private String team;
    private Outcome outcome;
    private String remedies;
    private Integer stage;
    private ClosureReason closureReason;
    private UUID duplicateOf;
    private Integer workingDays;
    private LocalDate agreedResponseDate;
    private Boolean lateRequestAccepted;
    private Exclusion exclusion;
    private String themes;
    private Long paymentPence;
    private OmbudsmanDecision ombudsmanDecision;
    private LocalDate dueDate;
    private LocalDate doneDate;
    private Integer actionNumber;
    private String details;
    private String linkedComplaints;
    private String letter;

    private EventColumns() {
    }

    /** Writes the whole row of {@code event} to the current row of {@code row}, in the order of {@link #ROW}. */
    static void bindRow(RowWriter row, ComplaintEvent event) throws SQLException {
        row.setUuid(event.complaintId().value());
        row.setLong(event.version());
        row.setEnum(event.type());
        row.setEnum(event.status());
        row.setInstant(event.occurredAt());
        row.setInstant(event.recordedAt());
        row.setString(event.actor());
        of(event.data()).bind(row);
    }

    /**
     * Adds the {@code event_reasons} row of {@code event} to {@code insert}'s batch
     * ({@link EventsTable#INSERT_REASON}); returns whether it had a reason to add.
     */
    static boolean addReason(RowWriter insert, String council, ComplaintEvent event) throws SQLException {
        if (event.reason().isEmpty()) {
            return false;
        }
        insert.setString(council);
        insert.setUuid(event.complaintId().value());
        insert.setLong(event.version());
        insert.setString(event.reason().get());
        insert.endRow();
        return true;
    }

    /** The event in the current row, which holds the columns of {@link EventsTable#SELECTED}. */
    static ComplaintEvent readRow(ResultSet rs) throws SQLException {
        return read(rs, Optional.ofNullable(rs.getString("reason")), true);
    }

    /**
     * The event in the current row, which holds the columns of {@link #ROW} (or, without {@code recordKeeping},
     * those of {@link #ROW_BEFORE_V7}), without its reason: for readers that need none, such as the report
     * projection, built also where reasons have no table yet (schema V2) and the record-keeping columns neither.
     */
    static ComplaintEvent readWithoutReason(ResultSet rs, boolean recordKeeping) throws SQLException {
        return read(rs, Optional.empty(), recordKeeping);
    }

    private static ComplaintEvent read(ResultSet rs, Optional<String> reason, boolean recordKeeping)
            throws SQLException {
        String kind = "complaint_events";
        EventType type = required(Values.getEnum(rs, "event_type", EventType.class), "event_type", kind);
        return new ComplaintEvent(new ComplaintId(Values.getUuid(rs, "complaint_id")), rs.getLong("version"),
                required(Values.getEnum(rs, "status", Status.class), "status", kind),
                required(Values.getInstant(rs, "occurred_at"), "occurred_at", kind),
                required(Values.getInstant(rs, "recorded_at"), "recorded_at", kind),
                rs.getString("actor"), reason, read(rs, type, recordKeeping));
    }

    /** The columns of {@code data}. */
    static EventColumns of(EventData data) {
        return data.accept(WRITER);
    }

    /** Writes the data columns to the current row of {@code row}. */
    private void bind(RowWriter row) throws SQLException {
        row.setString(reference);
        row.setEnum(procedure);
        row.setString(serviceAreaCode);
        row.setString(serviceAreaName);
        row.setEnum(channel);
        row.setDate(matterDate);
        row.setEnum(classification);
        row.setString(officer);
        row.setString(team);
        row.setEnum(outcome);
        row.setString(remedies);
        row.setInteger(stage);
        row.setEnum(closureReason);
        row.setUuid(duplicateOf);
        row.setInteger(workingDays);
        row.setDate(agreedResponseDate);
        if (lateRequestAccepted == null) {
            row.setNull(java.sql.Types.BOOLEAN);
        } else {
            row.setBoolean(lateRequestAccepted);
        }
        row.setEnum(exclusion);
        row.setString(themes);
        if (paymentPence == null) {
            row.setNull(java.sql.Types.BIGINT);
        } else {
            row.setLong(paymentPence);
        }
        row.setEnum(ombudsmanDecision);
        row.setDate(dueDate);
        row.setDate(doneDate);
        row.setInteger(actionNumber);
        row.setString(details);
        row.setString(linkedComplaints);
        row.setString(letter);
    }

    /** The event data of type {@code type} held by the current row. */
    private static EventData read(ResultSet rs, EventType type, boolean recordKeeping) throws SQLException {
        EventColumns c = new EventColumns();
        c.reference = rs.getString("reference");
        c.procedure = Values.getEnum(rs, "procedure_code", Procedure.class);
        c.serviceAreaCode = rs.getString("service_area_code");
        c.serviceAreaName = rs.getString("service_area_name");
        c.channel = Values.getEnum(rs, "channel", Channel.class);
        c.matterDate = Values.getDate(rs, "matter_date");
        c.classification = Values.getEnum(rs, "classification", Classification.class);
        c.officer = rs.getString("officer");
        c.team = rs.getString("team");
        c.outcome = Values.getEnum(rs, "outcome", Outcome.class);
        c.remedies = rs.getString("remedies");
        c.stage = Values.getInteger(rs, "stage");
        c.closureReason = Values.getEnum(rs, "closure_reason", ClosureReason.class);
        c.duplicateOf = Values.getUuid(rs, "duplicate_of");
        c.workingDays = Values.getInteger(rs, "working_days");
        c.agreedResponseDate = Values.getDate(rs, "agreed_response_date");
        boolean late = rs.getBoolean("late_request_accepted");
        c.lateRequestAccepted = rs.wasNull() ? null : late;
        if (recordKeeping) {
            c.exclusion = Values.getEnum(rs, "exclusion", Exclusion.class);
            c.themes = rs.getString("themes");
            long pence = rs.getLong("payment_pence");
            c.paymentPence = rs.wasNull() ? null : pence;
            c.ombudsmanDecision = Values.getEnum(rs, "ombudsman_decision", OmbudsmanDecision.class);
            c.dueDate = Values.getDate(rs, "due_date");
            c.doneDate = Values.getDate(rs, "done_date");
            c.actionNumber = Values.getInteger(rs, "action_number");
            c.details = rs.getString("details");
            c.linkedComplaints = rs.getString("linked_complaints");
            c.letter = rs.getString("letter");
        }
        return c.data(type);
    }

    private EventData data(EventType type) {
        return switch (type) {
            case RECEIVED -> new EventData.Received(required(reference, "reference", type), required(procedure, "procedure_code", type),
                    serviceArea(type), required(channel, "channel", type), Optional.ofNullable(matterDate));
            case TRIAGED -> new EventData.Triaged(required(procedure, "procedure_code", type), serviceArea(type));
            case RECLASSIFIED -> new EventData.Reclassified(required(classification, "classification", type),
                    Optional.ofNullable(exclusion));
            case ALLOCATED -> new EventData.Allocated(required(officer, "officer", type), required(team, "team", type));
            case ACKNOWLEDGED -> new EventData.Acknowledged();
            case SENT_TO_SERVICE -> new EventData.SentToService();
            case DRAFT_SUBMITTED -> new EventData.DraftSubmitted();
            case RESPONDED -> new EventData.Responded(required(outcome, "outcome", type),
                    RemedyList.parse(required(remedies, "remedies", type)), payment());
            case ESCALATED -> new EventData.Escalated(Stage.of(required(stage, "stage", type)),
                    required(lateRequestAccepted, "late_request_accepted", type));
            case REFERRED_TO_OMBUDSMAN -> new EventData.ReferredToOmbudsman();
            case CLOSED -> new EventData.Closed(required(closureReason, "closure_reason", type),
                    Optional.ofNullable(duplicateOf).map(ComplaintId::new));
            case ACCEPTED_LATE -> new EventData.AcceptedLate();
            case EXTENDED -> new EventData.Extended(required(workingDays, "working_days", type));
            case RESPONSE_DATE_AGREED -> new EventData.ResponseDateAgreed(
                    required(agreedResponseDate, "agreed_response_date", type));
            case PAUSED -> new EventData.Paused();
            case RESUMED -> new EventData.Resumed();
            case PERSONAL_DATA_ERASED -> new EventData.PersonalDataErased();
            case PANEL_MET -> new EventData.PanelMet();
            case PANEL_REPORTED -> new EventData.PanelReported();
            case ESCALATION_REFUSED -> new EventData.EscalationRefused(Stage.of(required(stage, "stage", type)));
            case THEMES_RECORDED -> new EventData.ThemesRecorded(Set.copyOf(
                    COMMA.splitToList(required(themes, "themes", type))));
            case OMBUDSMAN_ENQUIRY_RECEIVED -> new EventData.OmbudsmanEnquiryReceived();
            case OMBUDSMAN_DECIDED -> new EventData.OmbudsmanDecided(
                    required(ombudsmanDecision, "ombudsman_decision", type),
                    RemedyList.parse(required(remedies, "remedies", type)), payment(), Optional.ofNullable(dueDate));
            case OMBUDSMAN_REMEDY_COMPLIED -> new EventData.OmbudsmanRemedyComplied(
                    required(doneDate, "done_date", type));
            case LEARNING_ACTION_AGREED -> new EventData.LearningActionAgreed(
                    required(actionNumber, "action_number", type), required(details, "details", type),
                    serviceArea(type), required(officer, "officer", type), required(dueDate, "due_date", type),
                    linked());
            case LEARNING_ACTION_DONE -> new EventData.LearningActionDone(required(actionNumber, "action_number", type),
                    required(doneDate, "done_date", type), required(details, "details", type));
            case LETTER_SENT -> new EventData.LetterSent(required(letter, "letter", type),
                    required(details, "details", type));
        };
    }

    private Optional<Money> payment() {
        return Optional.ofNullable(paymentPence).map(Money::new);
    }

    private Set<ComplaintId> linked() {
        if (linkedComplaints == null || linkedComplaints.isEmpty()) {
            return Set.of();
        }
        return COMMA.splitToStream(linkedComplaints).map(id -> new ComplaintId(UUID.fromString(id)))
                .collect(ImmutableSet.toImmutableSet());
    }

    private ServiceArea serviceArea(EventType type) {
        return new ServiceArea(required(serviceAreaCode, "service_area_code", type),
                required(serviceAreaName, "service_area_name", type));
    }

    private EventColumns serviceArea(ServiceArea area) {
        serviceAreaCode = area.code();
        serviceAreaName = area.name();
        return this;
    }

    /** Each type of event fills its own columns; events without data fill none. */
    private static final EventData.Visitor<EventColumns> WRITER = new EventData.Visitor<>() {
        @Override
        public EventColumns received(EventData.Received e) {
            EventColumns c = new EventColumns().serviceArea(e.serviceArea());
            c.reference = e.reference();
            c.procedure = e.procedure();
            c.channel = e.channel();
            c.matterDate = e.matterDate().orElse(null);
            return c;
        }

        @Override
        public EventColumns triaged(EventData.Triaged e) {
            EventColumns c = new EventColumns().serviceArea(e.serviceArea());
            c.procedure = e.procedure();
            return c;
        }

        @Override
        public EventColumns reclassified(EventData.Reclassified e) {
            EventColumns c = new EventColumns();
            c.classification = e.classification();
            c.exclusion = e.exclusion().orElse(null);
            return c;
        }

        @Override
        public EventColumns allocated(EventData.Allocated e) {
            EventColumns c = new EventColumns();
            c.officer = e.officer();
            c.team = e.team();
            return c;
        }

        @Override
        public EventColumns acknowledged(EventData.Acknowledged e) {
            return new EventColumns();
        }

        @Override
        public EventColumns sentToService(EventData.SentToService e) {
            return new EventColumns();
        }

        @Override
        public EventColumns draftSubmitted(EventData.DraftSubmitted e) {
            return new EventColumns();
        }

        @Override
        public EventColumns responded(EventData.Responded e) {
            EventColumns c = new EventColumns();
            c.outcome = e.outcome();
            c.remedies = RemedyList.format(e.remedies());
            c.paymentPence = e.payment().map(Money::pence).orElse(null);
            return c;
        }

        @Override
        public EventColumns escalated(EventData.Escalated e) {
            EventColumns c = new EventColumns();
            c.stage = e.to().number();
            c.lateRequestAccepted = e.lateRequestAccepted();
            return c;
        }

        @Override
        public EventColumns referredToOmbudsman(EventData.ReferredToOmbudsman e) {
            return new EventColumns();
        }

        @Override
        public EventColumns closed(EventData.Closed e) {
            EventColumns c = new EventColumns();
            c.closureReason = e.reason();
            c.duplicateOf = e.duplicateOf().map(ComplaintId::value).orElse(null);
            return c;
        }

        @Override
        public EventColumns acceptedLate(EventData.AcceptedLate e) {
            return new EventColumns();
        }

        @Override
        public EventColumns extended(EventData.Extended e) {
            EventColumns c = new EventColumns();
            c.workingDays = e.workingDays();
            return c;
        }

        @Override
        public EventColumns responseDateAgreed(EventData.ResponseDateAgreed e) {
            EventColumns c = new EventColumns();
            c.agreedResponseDate = e.date();
            return c;
        }

        @Override
        public EventColumns paused(EventData.Paused e) {
            return new EventColumns();
        }

        @Override
        public EventColumns resumed(EventData.Resumed e) {
            return new EventColumns();
        }

        @Override
        public EventColumns personalDataErased(EventData.PersonalDataErased e) {
            return new EventColumns();
        }

        /** Every type that keeps the record has its own method here: none comes this way. */
        @Override
        public EventColumns recordKept(EventData e) {
            throw new IllegalStateException("no columns decided for " + e.type());
        }

        @Override
        public EventColumns panelMet(EventData.PanelMet e) {
            return new EventColumns();
        }

        @Override
        public EventColumns panelReported(EventData.PanelReported e) {
            return new EventColumns();
        }

        @Override
        public EventColumns escalationRefused(EventData.EscalationRefused e) {
            EventColumns c = new EventColumns();
            c.stage = e.requested().number();
            return c;
        }

        @Override
        public EventColumns themesRecorded(EventData.ThemesRecorded e) {
            EventColumns c = new EventColumns();
            c.themes = String.join(",", e.themes());
            return c;
        }

        @Override
        public EventColumns ombudsmanEnquiryReceived(EventData.OmbudsmanEnquiryReceived e) {
            return new EventColumns();
        }

        @Override
        public EventColumns ombudsmanDecided(EventData.OmbudsmanDecided e) {
            EventColumns c = new EventColumns();
            c.ombudsmanDecision = e.decision();
            c.remedies = RemedyList.format(e.remedies());
            c.paymentPence = e.payment().map(Money::pence).orElse(null);
            c.dueDate = e.remediesDue().orElse(null);
            return c;
        }

        @Override
        public EventColumns ombudsmanRemedyComplied(EventData.OmbudsmanRemedyComplied e) {
            EventColumns c = new EventColumns();
            c.doneDate = e.day();
            return c;
        }

        @Override
        public EventColumns learningActionAgreed(EventData.LearningActionAgreed e) {
            EventColumns c = new EventColumns().serviceArea(e.service());
            c.actionNumber = e.number();
            c.details = e.action();
            c.officer = e.owner();
            c.dueDate = e.due();
            c.linkedComplaints = e.linked().stream().map(id -> id.value().toString()).sorted()
                    .collect(java.util.stream.Collectors.joining(","));
            return c;
        }

        @Override
        public EventColumns learningActionDone(EventData.LearningActionDone e) {
            EventColumns c = new EventColumns();
            c.actionNumber = e.number();
            c.doneDate = e.day();
            c.details = e.evidence();
            return c;
        }

        @Override
        public EventColumns letterSent(EventData.LetterSent e) {
            EventColumns c = new EventColumns();
            c.letter = e.letter();
            c.details = e.notificationId();
            return c;
        }
    };
}
