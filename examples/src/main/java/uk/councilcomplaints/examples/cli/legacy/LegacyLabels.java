package uk.councilcomplaints.examples.cli.legacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;

/** The spreadsheet's labels read into the library's values; case, spaces, '_' and '-' do not matter. */
final class LegacyLabels {

    private static final List<ServiceArea> PREDEFINED =
            List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS, ServiceArea.CORPORATE, ServiceArea.OTHER);

    private LegacyLabels() {
    }

    /** What a row's {@code type} says it is: a complaint under a procedure, or a contact triage reclassifies. */
    enum Type {
        STATUTORY_ADULTS("Statutory Adults", Procedure.ADULT_SOCIAL_CARE, Optional.empty()),
        STATUTORY_CHILDREN("Statutory Children", Procedure.CHILDRENS_SOCIAL_CARE, Optional.empty()),
        CORPORATE("Corporate", Procedure.CORPORATE, Optional.empty()),
        HOUSING("Housing", Procedure.HOUSING, Optional.empty()),
        SERVICE_REQUEST("Service Request", Procedure.CORPORATE, Optional.of(Classification.SERVICE_REQUEST)),
        NOT_COUNCIL_COMPLAINT("Not a council complaint", Procedure.CORPORATE,
                Optional.of(Classification.NOT_COUNCIL_COMPLAINT));

        final String label;
        final Procedure procedure;
        /** The classification triage gives it, for contacts that are not complaints. */
        final Optional<Classification> reclassifiedAs;

        Type(String label, Procedure procedure, Optional<Classification> reclassifiedAs) {
            this.label = label;
            this.procedure = procedure;
            this.reclassifiedAs = reclassifiedAs;
        }
    }

    /**
     * The type a row's {@code type} names; a stage 1 label as the reports print it ("Corporate Stage 1", "Housing
     * Stage 1") names its procedure too.
     */
    static Type type(String text) {
        String n = normal(text).replaceFirst("^(.+) stage 1$", "$1");
        for (Type t : Type.values()) {
            if (normal(t.label).equals(n)) {
                return t;
            }
        }
        throw new RowRejectedException("type: " + quote(text) + " is not one of Statutory Adults, Statutory Children, "
                + "Corporate, Housing, Service Request, Not a council complaint");
    }

    /** A predefined area by name or code (Adults, Children's, Corporate, Other), else the council's own. */
    static ServiceArea serviceArea(String text) {
        String n = normal(text).replace("'", "");
        for (ServiceArea area : PREDEFINED) {
            if (n.equals(normal(area.name()).replace("'", "")) || n.equals(area.code())) {
                return area;
            }
        }
        String code = n.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (code.isEmpty() || !Character.isLetter(code.charAt(0)) || code.length() > 40
                || text.strip().length() > 100) {
            throw new RowRejectedException("service_area: " + quote(text) + " is not a service area name (up to 100 "
                    + "characters, starting with a letter)");
        }
        return ServiceArea.of(code, text.strip());
    }

    /**
     * Blank means stage 1; a case at a later stage has no dates for the earlier ones in one row. A number as a
     * spreadsheet may write it ({@code 1.0}, {@code 1.00}) is that number.
     */
    static void stageOne(String text) {
        String n = normal(text).replaceFirst("^stage ", "").replaceFirst("^([0-9]+)\\.0+$", "$1");
        if (n.isEmpty() || n.equals("1")) {
            return;
        }
        if (n.equals("2") || n.equals("3")) {
            throw new RowRejectedException("stage: " + quote(text)
                    + ": only stage 1 cases can be imported (one row has no dates for the earlier stage); import stage 1"
                    + " and escalate it in the system");
        }
        throw new RowRejectedException("stage: " + quote(text) + " is not a stage: only stage 1 cases can be "
                + "imported, with stage blank or 1 (one row has no dates for an earlier stage; a later stage is "
                + "escalated in the system after import)");
    }

    static Outcome outcome(String text) {
        return switch (normal(text)) {
            case "upheld" -> Outcome.UPHELD;
            case "partly upheld", "partially upheld" -> Outcome.PARTLY_UPHELD;
            case "not upheld" -> Outcome.NOT_UPHELD;
            default -> throw new RowRejectedException("outcome: " + quote(text)
                    + " is not one of upheld, partly upheld, not upheld");
        };
    }

    static ClosureReason closureReason(String text) {
        return switch (normal(text)) {
            case "withdrawn" -> ClosureReason.WITHDRAWN;
            case "duplicate" -> ClosureReason.DUPLICATE;
            case "out of time" -> ClosureReason.OUT_OF_TIME;
            default -> throw new RowRejectedException("closure_reason: " + quote(text) + " is not one of withdrawn, "
                    + "duplicate, out of time");
        };
    }

    /** A cell as a message quotes it: in single quotes, cut to 60 characters (a cell may hold a whole file). */
    static String quote(String cell) {
        int max = 60;
        return "'" + (cell.codePointCount(0, cell.length()) <= max ? cell
                : cell.substring(0, cell.offsetByCodePoints(0, max - 3)) + "...") + "'";
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ")
                .replace('\u2019', '\'');
    }
}
