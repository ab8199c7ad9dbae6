package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Stage;

/** Every clock of one complaint at one instant, oldest stage first. */
public record SlaStatus(ComplaintId id, String reference, Instant asOf, List<SlaClock> clocks) {

    public SlaStatus {
        requireNonNull(id, "id");
        requireNonNull(reference, "reference");
        requireNonNull(asOf, "asOf");
        clocks = ImmutableList.copyOf(clocks);
    }

    /** The clock of a kind at a stage, if it applies. */
    public Optional<SlaClock> clock(ClockKind kind, Stage stage) {
        return clocks.stream().filter(c -> c.kind() == kind && c.stage() == stage).findFirst();
    }

    /** Whether any clock is breached. */
    public boolean breached() {
        return clocks.stream().anyMatch(c -> c.state() == ClockState.BREACHED);
    }

    /** Whether any clock is at risk. */
    public boolean atRisk() {
        return clocks.stream().anyMatch(c -> c.state() == ClockState.AT_RISK);
    }
}
