package uk.councilcomplaints.report;

import java.util.Comparator;
import java.util.List;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;

/** What the rows of a report table are; each complaint counts in exactly one row. */
public enum Grouping {

    /**
     * By service area: Adults, Children's, Corporate, Other, then the council's own areas by name. One row per
     * code; should complaints carry two names for one code (say, after a rename), the row takes the first of
     * them in alphabetical order, so a table never depends on the order complaints arrive in.
     */
    SERVICE_AREA("Service") {
        private final List<ServiceArea> predefined =
                List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS, ServiceArea.CORPORATE, ServiceArea.OTHER);

        @Override
        Object key(ReportFold facts) {
            return facts.serviceArea;
        }

        @Override
        Object labelKey(Object kept, Object seen) {
            return kept == seen || ((ServiceArea) kept).name().compareTo(((ServiceArea) seen).name()) <= 0 ? kept
                    : seen;
        }

        @Override
        String label(Object key) {
            return ((ServiceArea) key).name();
        }

        @Override
        Comparator<Object> order() {
            Comparator<ServiceArea> byRank = Comparator.comparingInt(a -> {
                int i = predefined.indexOf(a);
                return i < 0 ? predefined.size() : i;
            });
            Comparator<ServiceArea> order = byRank.thenComparing(ServiceArea::name).thenComparing(ServiceArea::code);
            return Comparator.comparing(key -> (ServiceArea) key, order);
        }
    },

    /**
     * By type, as in the briefing note: "Statutory Adults", "Statutory Children Stage 1" to 3, "Corporate
     * Stage 1" and 2, and one row "Service requests / not a council complaint".
     */
    TYPE("Type") {
        @Override
        Object key(ReportFold facts) {
            return TypeGroup.of(facts.classification, facts.procedure, facts.stage);
        }

        @Override
        String label(Object key) {
            return ((TypeGroup) key).label();
        }

        @Override
        Comparator<Object> order() {
            return Comparator.comparing(key -> (TypeGroup) key);
        }
    },

    /** By procedure: Statutory Adults, Statutory Children, Corporate. */
    PROCEDURE("Procedure") {
        @Override
        Object key(ReportFold facts) {
            return facts.procedure;
        }

        @Override
        String label(Object key) {
            return ((Procedure) key).label();
        }

        @Override
        Comparator<Object> order() {
            return Comparator.comparing(key -> (Procedure) key);
        }
    },

    /** By what triage found: complaint, service request, not a council complaint. */
    CLASSIFICATION("Classification") {
        @Override
        Object key(ReportFold facts) {
            return facts.classification;
        }

        @Override
        String label(Object key) {
            return ((Classification) key).label();
        }

        @Override
        Comparator<Object> order() {
            return Comparator.comparing(key -> (Classification) key);
        }
    },

    /** By complaint officer, by name; cases with no officer last, as "Not allocated". */
    OFFICER("Officer") {
        @Override
        Object key(ReportFold facts) {
            return facts.officer == null ? NOT_ALLOCATED : facts.officer;
        }
    },

    /** By the officer's team, by name; cases with no officer last, as "Not allocated". */
    TEAM("Team") {
        @Override
        Object key(ReportFold facts) {
            return facts.team == null ? NOT_ALLOCATED : facts.team;
        }
    };

    /** The row label of cases with no officer (and so no team). */
    static final String NOT_ALLOCATED_LABEL = "Not allocated";
    private static final Object NOT_ALLOCATED = new Object();

    private final String heading;

    Grouping(String heading) {
        this.heading = heading;
    }

    /** The heading of the label column, e.g. "Service". */
    public String heading() {
        return heading;
    }

    /** The group of a complaint with these facts; cheap, allocation-free. */
    abstract Object key(ReportFold facts);

    /**
     * Of two equal keys of one group, the one whose label the row takes; the same whichever is seen first.
     * Only service areas have equal keys with different labels.
     */
    Object labelKey(Object kept, Object seen) {
        return kept;
    }

    /** The row label of a group. Names, for officers and teams. */
    String label(Object key) {
        return key == NOT_ALLOCATED ? NOT_ALLOCATED_LABEL : (String) key;
    }

    /** The order of rows. Names, for officers and teams, with "Not allocated" last. */
    Comparator<Object> order() {
        return Comparator.comparing((Object key) -> key == NOT_ALLOCATED)
                .thenComparing(key -> key == NOT_ALLOCATED ? "" : (String) key);
    }
}
