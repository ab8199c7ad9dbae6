package uk.councilcomplaints.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint's state at one moment: the fold of its events. Immutable; personal data is not part of it
 * (see {@link PersonalData}).
 *
 * @param id identity
 * @param reference human reference, unique per store, e.g. {@code CMP-2022-000123}
 * @param classification what triage found the contact to be
 * @param procedure the procedure followed
 * @param stage the current stage of that procedure
 * @param serviceArea the part of the council complained about
 * @param channel how the contact arrived
 * @param receivedAt when the contact was received
 * @param matterDate when the matter complained about happened (for the 12-month limit), if known
 * @param status the current status
 * @param officer the complaint officer handling it, once allocated
 * @param team the officer's team, once allocated
 * @param previousStageOfficer the officer who handled the previous stage, after an escalation
 * @param stageStartedAt when the current stage started (receipt, or the escalation request)
 * @param acknowledgedAt when the current stage was acknowledged
 * @param respondedAt when the current stage was responded to
 * @param outcome the finding of the latest response
 * @param remedies the remedies offered in the latest response
 * @param closureReason why it was closed without a response
 * @param duplicateOf the original, when closed as a duplicate
 * @param acceptedLate whether a late complaint was accepted with a recorded reason
 * @param referredToOmbudsman whether a referral to the Ombudsman was recorded
 * @param paused whether the response clock of the current stage is paused
 * @param extensionWorkingDays working days of extension granted in the current stage
 * @param agreedResponseDate the response date agreed with the complainant in the current stage
 * @param personalDataErased whether its personal data has been erased
 * @param lastOccurredAt when its latest event happened
 * @param version the number of events in its history
 */
public record Complaint(
        ComplaintId id,
        String reference,
        Classification classification,
        Procedure procedure,
        Stage stage,
        ServiceArea serviceArea,
        Channel channel,
        Instant receivedAt,
        Optional<LocalDate> matterDate,
        Status status,
        Optional<String> officer,
        Optional<String> team,
        Optional<String> previousStageOfficer,
        Instant stageStartedAt,
        Optional<Instant> acknowledgedAt,
        Optional<Instant> respondedAt,
        Optional<Outcome> outcome,
        Set<Remedy> remedies,
        Optional<ClosureReason> closureReason,
        Optional<ComplaintId> duplicateOf,
        boolean acceptedLate,
        boolean referredToOmbudsman,
        boolean paused,
        int extensionWorkingDays,
        Optional<LocalDate> agreedResponseDate,
        boolean personalDataErased,
        Instant lastOccurredAt,
        long version) {

    public Complaint {
        requireNonNull(id, "id");
        requireNonNull(reference, "reference");
        requireNonNull(classification, "classification");
        requireNonNull(procedure, "procedure");
        requireNonNull(stage, "stage");
        requireNonNull(serviceArea, "serviceArea");
        requireNonNull(channel, "channel");
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(matterDate, "matterDate");
        requireNonNull(status, "status");
        requireNonNull(officer, "officer");
        requireNonNull(team, "team");
        requireNonNull(previousStageOfficer, "previousStageOfficer");
        requireNonNull(stageStartedAt, "stageStartedAt");
        requireNonNull(acknowledgedAt, "acknowledgedAt");
        requireNonNull(respondedAt, "respondedAt");
        requireNonNull(outcome, "outcome");
        remedies = ImmutableSet.copyOf(remedies);
        requireNonNull(closureReason, "closureReason");
        requireNonNull(duplicateOf, "duplicateOf");
        requireNonNull(agreedResponseDate, "agreedResponseDate");
        requireNonNull(lastOccurredAt, "lastOccurredAt");
    }

    /** The report bucket of the current status. */
    public StatusBucket bucket() {
        return status.bucket();
    }

    /** A builder holding this complaint's values, to derive the next state. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for a complaint just received; used by the fold and by stores that rebuild state. */
    public static Builder builder(ComplaintId id, String reference) {
        return new Builder(id, reference);
    }

    /** Mutable builder for {@link Complaint}; not thread-safe. */
    public static final class Builder {
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

        private Builder(ComplaintId id, String reference) {
            this.id = requireNonNull(id, "id");
            this.reference = requireNonNull(reference, "reference");
        }

        private Builder(Complaint c) {
            this(c.id, c.reference);
            classification = c.classification;
            procedure = c.procedure;
            stage = c.stage;
            serviceArea = c.serviceArea;
            channel = c.channel;
            receivedAt = c.receivedAt;
            matterDate = c.matterDate;
            status = c.status;
            officer = c.officer;
            team = c.team;
            previousStageOfficer = c.previousStageOfficer;
            stageStartedAt = c.stageStartedAt;
            acknowledgedAt = c.acknowledgedAt;
            respondedAt = c.respondedAt;
            outcome = c.outcome;
            remedies = c.remedies;
            closureReason = c.closureReason;
            duplicateOf = c.duplicateOf;
            acceptedLate = c.acceptedLate;
            referredToOmbudsman = c.referredToOmbudsman;
            paused = c.paused;
            extensionWorkingDays = c.extensionWorkingDays;
            agreedResponseDate = c.agreedResponseDate;
            personalDataErased = c.personalDataErased;
            lastOccurredAt = c.lastOccurredAt;
            version = c.version;
        }

        /** The current status while building. */
        public Status status() {
            return status;
        }

        /** The current stage while building. */
        public Stage stage() {
            return stage;
        }

        /** The current officer while building. */
        public Optional<String> officer() {
            return officer;
        }

        public Builder classification(Classification value) {
            classification = requireNonNull(value);
            return this;
        }

        public Builder procedure(Procedure value) {
            procedure = requireNonNull(value);
            return this;
        }

        public Builder stage(Stage value) {
            stage = requireNonNull(value);
            return this;
        }

        public Builder serviceArea(ServiceArea value) {
            serviceArea = requireNonNull(value);
            return this;
        }

        public Builder channel(Channel value) {
            channel = requireNonNull(value);
            return this;
        }

        public Builder receivedAt(Instant value) {
            receivedAt = requireNonNull(value);
            return this;
        }

        public Builder matterDate(Optional<LocalDate> value) {
            matterDate = requireNonNull(value);
            return this;
        }

        public Builder status(Status value) {
            status = requireNonNull(value);
            return this;
        }

        public Builder officer(Optional<String> value) {
            officer = requireNonNull(value);
            return this;
        }

        public Builder team(Optional<String> value) {
            team = requireNonNull(value);
            return this;
        }

        public Builder previousStageOfficer(Optional<String> value) {
            previousStageOfficer = requireNonNull(value);
            return this;
        }

        public Builder stageStartedAt(Instant value) {
            stageStartedAt = requireNonNull(value);
            return this;
        }

        public Builder acknowledgedAt(Optional<Instant> value) {
            acknowledgedAt = requireNonNull(value);
            return this;
        }

        public Builder respondedAt(Optional<Instant> value) {
            respondedAt = requireNonNull(value);
            return this;
        }

        public Builder outcome(Optional<Outcome> value) {
            outcome = requireNonNull(value);
            return this;
        }

        public Builder remedies(Set<Remedy> value) {
            remedies = ImmutableSet.copyOf(value);
            return this;
        }

        public Builder closureReason(Optional<ClosureReason> value) {
            closureReason = requireNonNull(value);
            return this;
        }

        public Builder duplicateOf(Optional<ComplaintId> value) {
            duplicateOf = requireNonNull(value);
            return this;
        }

        public Builder acceptedLate(boolean value) {
            acceptedLate = value;
            return this;
        }

        public Builder referredToOmbudsman(boolean value) {
            referredToOmbudsman = value;
            return this;
        }

        public Builder paused(boolean value) {
            paused = value;
            return this;
        }

        public Builder extensionWorkingDays(int value) {
            extensionWorkingDays = value;
            return this;
        }

        public Builder agreedResponseDate(Optional<LocalDate> value) {
            agreedResponseDate = requireNonNull(value);
            return this;
        }

        /** Working days of extension granted so far in the current stage, while building. */
        public int extensionWorkingDays() {
            return extensionWorkingDays;
        }

        public Builder personalDataErased(boolean value) {
            personalDataErased = value;
            return this;
        }

        public Builder lastOccurredAt(Instant value) {
            lastOccurredAt = requireNonNull(value);
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Complaint build() {
            return new Complaint(id, reference, classification, procedure, stage, serviceArea, channel, receivedAt,
                    matterDate, status, officer, team, previousStageOfficer, stageStartedAt, acknowledgedAt,
                    respondedAt, outcome, remedies, closureReason, duplicateOf, acceptedLate, referredToOmbudsman,
                    paused, extensionWorkingDays, agreedResponseDate, personalDataErased, lastOccurredAt, version);
        }
    }
}
