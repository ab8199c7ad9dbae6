package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.store.CountQuery.Dimension;

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

    /**
     * The group of a row (or a complaint's state) with these values under a grouping by {@code groupBy}: the
     * values of those dimensions, the others empty.
     */
    public static GroupKey of(Set<Dimension> groupBy, Classification classification, Procedure procedure,
            Stage stage, ServiceArea serviceArea, Optional<String> officer, Optional<String> team) {
        return new GroupKey(
                groupBy.contains(Dimension.CLASSIFICATION) ? Optional.of(classification) : Optional.empty(),
                groupBy.contains(Dimension.PROCEDURE) ? Optional.of(procedure) : Optional.empty(),
                groupBy.contains(Dimension.STAGE) ? Optional.of(stage) : Optional.empty(),
                groupBy.contains(Dimension.SERVICE_AREA) ? Optional.of(serviceArea) : Optional.empty(),
                groupBy.contains(Dimension.OFFICER) ? officer : Optional.empty(),
                groupBy.contains(Dimension.TEAM) ? team : Optional.empty());
    }
}
