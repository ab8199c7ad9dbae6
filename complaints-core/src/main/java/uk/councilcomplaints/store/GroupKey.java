package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;

/**
 * The group a row is counted in: its values of the fields a {@link CountQuery} groups by; the fields it does
 * not group by are empty. An empty officer or team under a grouping by it means the row had none.
 *
 * @param classification the classification, if grouped by
 * @param procedure the procedure, if grouped by
 * @param stage the stage, if grouped by
 * @param serviceArea the service area, if grouped by
 * @param officer the officer, if grouped by and allocated
 * @param team the team, if grouped by and allocated
 */
public record GroupKey(
        Optional<Classification> classification,
        Optional<Procedure> procedure,
        Optional<Stage> stage,
        Optional<ServiceArea> serviceArea,
        Optional<String> officer,
        Optional<String> team) {

    public GroupKey {
        requireNonNull(classification, "classification");
        requireNonNull(procedure, "procedure");
        requireNonNull(stage, "stage");
        requireNonNull(serviceArea, "serviceArea");
        requireNonNull(officer, "officer");
        requireNonNull(team, "team");
    }
}
