package uk.councilcomplaints.event;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;

/** The state being folded from events, one setter per component of {@link Complaint}; not thread-safe. */
final class StateBuilder {
    private final ComplaintId id;
    private final String reference;
    private Classification classification = Classification.COMPLAINT;
    private Procedure procedure = Procedure.CORPORATE;
    private Stage stage = Stage.STAGE_1;
    private ServiceArea serviceArea = ServiceArea.OTHER;
    private Channel channel = Channel.OTHER;
    private Instant receivedAt;
    private Optional<LocalDate> matterDate = Optional.empty();
    private Status status = Status.RECEIVED;
    private Optional<String> officer = Optional.empty();
    private Optional<String> team = Optional.empty();
    private Optional<String> previousStageOfficer = Optional.empty();
    private Instant stageStartedAt;
    private Optional<Instant> acknowledgedAt = Optional.empty();
    private Optional<Instant> respondedAt = Optional.empty();
    private Optional<Outcome> outcome = Optional.empty();
    private Set<Remedy> remedies = ImmutableSet.of();
    private Optional<ClosureReason> closureReason = Optional.empty();
    private Optional<ComplaintId> duplicateOf = Optional.empty();
    private boolean acceptedLate;
    private boolean referredToOmbudsman;
    private boolean paused;
    private int extensionWorkingDays;
    private Optional<LocalDate> agreedResponseDate = Optional.empty();
    private boolean personalDataErased;
    private Instant lastOccurredAt;
    private long version;

    StateBuilder(ComplaintId id, String reference) {
        this.id = requireNonNull(id, "id");
        this.reference = requireNonNull(reference, "reference");
    }

    /** A builder holding {@code c}, to fold more events onto it. */
    static StateBuilder from(Complaint c) {
        StateBuilder b = new StateBuilder(c.id(), c.reference());
        b.classification = c.classification();
        b.procedure = c.procedure();
        b.stage = c.stage();
        b.serviceArea = c.serviceArea();
        b.channel = c.channel();
        b.receivedAt = c.receivedAt();
        b.matterDate = c.matterDate();
        b.status = c.status();
        b.officer = c.officer();
        b.team = c.team();
        b.previousStageOfficer = c.previousStageOfficer();
        b.stageStartedAt = c.stageStartedAt();
        b.acknowledgedAt = c.acknowledgedAt();
        b.respondedAt = c.respondedAt();
        b.outcome = c.outcome();
        b.remedies = c.remedies();
        b.closureReason = c.closureReason();
        b.duplicateOf = c.duplicateOf();
        b.acceptedLate = c.acceptedLate();
        b.referredToOmbudsman = c.referredToOmbudsman();
        b.paused = c.paused();
        b.extensionWorkingDays = c.extensionWorkingDays();
        b.agreedResponseDate = c.agreedResponseDate();
        b.personalDataErased = c.personalDataErased();
        b.lastOccurredAt = c.lastOccurredAt();
        b.version = c.version();
        return b;
    }

    /** The current status while building. */
    Status status() {
        return status;
    }

    /** The current stage while building. */
    Stage stage() {
        return stage;
    }

    /** The current officer while building. */
    Optional<String> officer() {
        return officer;
    }

    StateBuilder classification(Classification value) {
        classification = requireNonNull(value);
        return this;
    }

    StateBuilder procedure(Procedure value) {
        procedure = requireNonNull(value);
        return this;
    }

    StateBuilder stage(Stage value) {
        stage = requireNonNull(value);
        return this;
    }

    StateBuilder serviceArea(ServiceArea value) {
        serviceArea = requireNonNull(value);
        return this;
    }

    StateBuilder channel(Channel value) {
        channel = requireNonNull(value);
        return this;
    }

    StateBuilder receivedAt(Instant value) {
        receivedAt = requireNonNull(value);
        return this;
    }

    StateBuilder matterDate(Optional<LocalDate> value) {
        matterDate = requireNonNull(value);
        return this;
    }

    StateBuilder status(Status value) {
        status = requireNonNull(value);
        return this;
    }

    StateBuilder officer(Optional<String> value) {
        officer = requireNonNull(value);
        return this;
    }

    StateBuilder team(Optional<String> value) {
        team = requireNonNull(value);
        return this;
    }

    StateBuilder previousStageOfficer(Optional<String> value) {
        previousStageOfficer = requireNonNull(value);
        return this;
    }

    StateBuilder stageStartedAt(Instant value) {
        stageStartedAt = requireNonNull(value);
        return this;
    }

    StateBuilder acknowledgedAt(Optional<Instant> value) {
        acknowledgedAt = requireNonNull(value);
        return this;
    }

    StateBuilder respondedAt(Optional<Instant> value) {
        respondedAt = requireNonNull(value);
        return this;
    }

    StateBuilder outcome(Optional<Outcome> value) {
        outcome = requireNonNull(value);
        return this;
    }

    StateBuilder remedies(Set<Remedy> value) {
        remedies = ImmutableSet.copyOf(value);
        return this;
    }

    StateBuilder closureReason(Optional<ClosureReason> value) {
        closureReason = requireNonNull(value);
        return this;
    }

    StateBuilder duplicateOf(Optional<ComplaintId> value) {
        duplicateOf = requireNonNull(value);
        return this;
    }

    StateBuilder acceptedLate(boolean value) {
        acceptedLate = value;
        return this;
    }

    StateBuilder referredToOmbudsman(boolean value) {
        referredToOmbudsman = value;
        return this;
    }

    StateBuilder paused(boolean value) {
        paused = value;
        return this;
    }

    StateBuilder extensionWorkingDays(int value) {
        extensionWorkingDays = value;
        return this;
    }

    StateBuilder agreedResponseDate(Optional<LocalDate> value) {
        agreedResponseDate = requireNonNull(value);
        return this;
    }

    /** Working days of extension granted so far in the current stage, while building. */
    int extensionWorkingDays() {
        return extensionWorkingDays;
    }

    StateBuilder personalDataErased(boolean value) {
        personalDataErased = value;
        return this;
    }

    StateBuilder lastOccurredAt(Instant value) {
        lastOccurredAt = requireNonNull(value);
        return this;
    }

    StateBuilder version(long value) {
        version = value;
        return this;
    }

    Complaint build() {
        return new Complaint(id, reference, classification, procedure, stage, serviceArea, channel, receivedAt,
                matterDate, status, officer, team, previousStageOfficer, stageStartedAt, acknowledgedAt,
                respondedAt, outcome, remedies, closureReason, duplicateOf, acceptedLate, referredToOmbudsman,
                paused, extensionWorkingDays, agreedResponseDate, personalDataErased, lastOccurredAt, version);
    }
}
