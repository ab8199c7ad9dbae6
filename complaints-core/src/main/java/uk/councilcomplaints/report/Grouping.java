package uk.councilcomplaints.report;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.CountQuery.Dimension;
import uk.councilcomplaints.store.GroupKey;

/**
 * What the rows of a report table are; each complaint counts in exactly one row. A store counts by the
 * grouping's {@link #dimensions()}; the labels and the order of rows are worked out here, once.
 */
public enum Grouping {

    /**
     * By service area: Adults, Children's, Corporate, Other, then the council's own areas by name. An area renamed
     * is one row, labelled by the first name alphabetically of the complaints counted in it, so a table of a day
     * before the rename (or known before it) keeps the old name.
     */
    SERVICE_AREA("Service", EnumSet.of(Dimension.SERVICE_AREA)) {
        private final List<ServiceArea> predefined =
                List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS, ServiceArea.CORPORATE, ServiceArea.OTHER);

        @Override
        String label(GroupKey key) {
            return key.serviceArea().orElseThrow().name();
        }

        @Override
        Comparator<GroupKey> order() {
            Comparator<ServiceArea> byRank = Comparator.comparingInt(a -> {
                int i = predefined.indexOf(a);
                return i < 0 ? predefined.size() : i;
            });
            Comparator<ServiceArea> order = byRank.thenComparing(ServiceArea::name).thenComparing(ServiceArea::code);
            return Comparator.comparing(key -> key.serviceArea().orElseThrow(), order);
        }
    },

    /**
     * By type, as in the briefing note: "Statutory Adults", "Statutory Children Stage 1" to 3, "Corporate
     * Stage 1" and 2, "Housing Stage 1" and 2, one row "Service requests / not a council complaint", and
     * "Complaints refused"; a type no contact has is not shown.
     */
    TYPE("Type", EnumSet.of(Dimension.CLASSIFICATION, Dimension.PROCEDURE, Dimension.STAGE)) {
        @Override
        String label(GroupKey key) {
            return type(key).label();
        }

        @Override
        Comparator<GroupKey> order() {
            return Comparator.comparing(Grouping::type);
        }
    },

    /** By procedure: Statutory Adults, Statutory Children, Corporate, Housing. */
    PROCEDURE("Procedure", EnumSet.of(Dimension.PROCEDURE)) {
        @Override
        String label(GroupKey key) {
            return key.procedure().orElseThrow().label();
        }

        @Override
        Comparator<GroupKey> order() {
            return Comparator.comparing(key -> key.procedure().orElseThrow());
        }
    },

    /** By what triage found: complaint, service request, not a council complaint. */
    CLASSIFICATION("Classification", EnumSet.of(Dimension.CLASSIFICATION)) {
        @Override
        String label(GroupKey key) {
            return key.classification().orElseThrow().label();
        }

        @Override
        Comparator<GroupKey> order() {
            return Comparator.comparing(key -> key.classification().orElseThrow());
        }
    },

    /** By complaint officer, by name; cases with no officer last, as "Not allocated". */
    OFFICER("Officer", EnumSet.of(Dimension.OFFICER)) {
        @Override
        String label(GroupKey key) {
            return key.officer().orElse(NOT_ALLOCATED_LABEL);
        }

        @Override
        Comparator<GroupKey> order() {
            return Comparator.comparing(GroupKey::officer, NAMES_THEN_NONE);
        }
    },

    /** By the officer's team, by name; cases with no officer last, as "Not allocated". */
    TEAM("Team", EnumSet.of(Dimension.TEAM)) {
        @Override
        String label(GroupKey key) {
            return key.team().orElse(NOT_ALLOCATED_LABEL);
        }

        @Override
        Comparator<GroupKey> order() {
            return Comparator.comparing(GroupKey::team, NAMES_THEN_NONE);
        }
    };

    /** The row label of cases with no officer (and so no team). */
    static final String NOT_ALLOCATED_LABEL = "Not allocated";

    private static final Comparator<Optional<String>> NAMES_THEN_NONE =
            Comparator.comparing((Optional<String> name) -> name.isEmpty()).thenComparing(name -> name.orElse(""));

    private final String heading;
    private final Set<Dimension> dimensions;

    Grouping(String heading, Set<Dimension> dimensions) {
        this.heading = heading;
        this.dimensions = dimensions;
    }

    /** The heading of the label column, e.g. "Service". */
    public String heading() {
        return heading;
    }

    /** The fields a store groups by for this grouping. */
    public Set<Dimension> dimensions() {
        return EnumSet.copyOf(dimensions);
    }

    /** The group a complaint in {@code state} counts in, as a store would key its projection row. */
    GroupKey keyOf(Complaint state) {
        return GroupKey.of(dimensions, state.classification(), state.procedure(), state.stage(),
                state.serviceArea(), state.officer(), state.team());
    }

    /** The row label of a group; several groups may share one (all non-complaints under {@link #TYPE}). */
    abstract String label(GroupKey key);

    /** The order of rows. */
    abstract Comparator<GroupKey> order();

    private static TypeGroup type(GroupKey key) {
        return TypeGroup.of(key.classification().orElseThrow(), key.procedure().orElseThrow(),
                key.stage().orElseThrow());
    }
}
