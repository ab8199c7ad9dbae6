package uk.councilcomplaints.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint's state at one moment: the fold of its events ({@code ComplaintHistory}). Immutable; personal
 * data is not part of it (see {@link PersonalData}). Only the fold makes one in the library; the constructor
 * refuses a state that no history reaches: a stage the procedure lacks, times out of order, an officer without
 * a team, a status at odds with the classification, closure reason, original or outcome.
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
        checkArgument(!reference.isBlank(), "reference must not be blank");
        checkArgument(version >= 1, "version must be at least 1, was %s", version);
        checkArgument(procedure.hasStage(stage), "%s has no %s", procedure, stage);
        checkArgument(!receivedAt.isAfter(stageStartedAt) && !stageStartedAt.isAfter(lastOccurredAt),
                "received %s, stage started %s and latest event %s are out of order", receivedAt, stageStartedAt,
                lastOccurredAt);
        checkArgument(within(acknowledgedAt, stageStartedAt, lastOccurredAt)
                        && within(respondedAt, stageStartedAt, lastOccurredAt),
                "acknowledged %s and responded %s must fall between the stage start %s and the latest event %s",
                acknowledgedAt, respondedAt, stageStartedAt, lastOccurredAt);
        checkArgument(officer.isPresent() == team.isPresent(), "an officer and a team are allocated together");
        checkArgument((status == Status.SERVICE_REQUEST) == (classification == Classification.SERVICE_REQUEST)
                        && (status == Status.SIGNPOSTED) == (classification == Classification.NOT_COUNCIL_COMPLAINT)
                        && (status == Status.REFUSED) == (classification == Classification.REFUSED),
                "status %s does not fit classification %s", status, classification);
        checkArgument(closureReason.map(Complaint::closedStatus).equals(Optional.of(status))
                        || closureReason.isEmpty() && !CLOSED.contains(status),
                "status %s does not fit closure reason %s", status, closureReason);
        checkArgument(duplicateOf.isPresent() == (status == Status.DUPLICATE) && !duplicateOf.equals(Optional.of(id)),
                "only a DUPLICATE names an original, another complaint (status %s, original %s)", status, duplicateOf);
        checkArgument(outcome.isPresent() == respondedAt.isPresent() && (outcome.isPresent() || remedies.isEmpty())
                        && (status != Status.RESPONDED || outcome.isPresent()),
                "an outcome, its remedies and the response time come together (status %s)", status);
        checkArgument(extensionWorkingDays >= 0, "extensionWorkingDays must not be negative, was %s",
                extensionWorkingDays);
    }

    private static final Set<Status> CLOSED = Set.of(Status.WITHDRAWN, Status.DUPLICATE, Status.OUT_OF_TIME);

    private static Status closedStatus(ClosureReason reason) {
        return Status.valueOf(reason.name());
    }

    private static boolean within(Optional<Instant> instant, Instant from, Instant to) {
        return instant.map(i -> !i.isBefore(from) && !i.isAfter(to)).orElse(true);
    }

    /** The report bucket of the current status. */
    public StatusBucket bucket() {
        return status.bucket();
    }
}
