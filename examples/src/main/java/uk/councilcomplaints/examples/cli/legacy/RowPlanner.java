package uk.councilcomplaints.examples.cli.legacy;

import static uk.councilcomplaints.examples.cli.legacy.Columns.ACKNOWLEDGED_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.ALLOCATED_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.CLOSED_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.CLOSURE_REASON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.COMPLAINANT_EMAIL;
import static uk.councilcomplaints.examples.cli.legacy.Columns.COMPLAINANT_NAME;
import static uk.councilcomplaints.examples.cli.legacy.Columns.DUPLICATE_OF;
import static uk.councilcomplaints.examples.cli.legacy.Columns.MATTER_DATE;
import static uk.councilcomplaints.examples.cli.legacy.Columns.MILESTONES;
import static uk.councilcomplaints.examples.cli.legacy.Columns.OFFICER;
import static uk.councilcomplaints.examples.cli.legacy.Columns.OUTCOME;
import static uk.councilcomplaints.examples.cli.legacy.Columns.RECEIVED_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.REFERENCE;
import static uk.councilcomplaints.examples.cli.legacy.Columns.RESPONDED_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.SENT_TO_SERVICE_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.SERVICE_AREA;
import static uk.councilcomplaints.examples.cli.legacy.Columns.STAGE;
import static uk.councilcomplaints.examples.cli.legacy.Columns.SUMMARY;
import static uk.councilcomplaints.examples.cli.legacy.Columns.TEAM;
import static uk.councilcomplaints.examples.cli.legacy.Columns.TRIAGED_ON;
import static uk.councilcomplaints.examples.cli.legacy.Columns.TYPE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * Turns one spreadsheet row into its {@link RowPlan}, checking what can be checked without the library:
 * required columns, labels, dates (parsable, not in the future, in milestone order) and how the milestones
 * fit together. What the library itself refuses is found by trying the plan (see {@link LegacyImporter}).
 */
final class RowPlanner {

    /** Who records imported events. */
    static final String ACTOR = "legacy-import";
    static final String DEFAULT_TEAM = "Complaints team";
    static final String REASON = "imported from the legacy spreadsheet";

    private final Clock clock;

    RowPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * The plan for a row.
     *
     * @param row the row number
     * @param fields the row's values by lower-case column name, trimmed; absent columns are blank
     * @param complaintWithReference finds a stored complaint's id by reference (a duplicate's original)
     * @param likelyOriginal the reference of an earlier row this one may duplicate
     * @throws RowRejectedException naming the column and why
     */
    RowPlan plan(int row, Map<String, String> fields, Function<String, Optional<ComplaintId>> complaintWithReference,
            Optional<String> likelyOriginal) {
        Row r = new Row(row, fields, LondonDays.dayOf(clock.instant()));
        String reference = r.required(REFERENCE, " (it is the key that stops a re-import doubling the case)");
        LocalDate received = r.date(RECEIVED_ON).orElseThrow(() -> new RowRejectedException(RECEIVED_ON + ": missing"));
        LegacyLabels.Type type = LegacyLabels.type(r.required(TYPE, ""));
        ServiceArea area = LegacyLabels.serviceArea(r.required(SERVICE_AREA, ""));
        LegacyLabels.stageOne(r.get(STAGE));
        r.checkOrder(received);

        String email = r.get(COMPLAINANT_EMAIL);
        Complainant complainant = new Complainant(r.get(COMPLAINANT_NAME),
                email.isEmpty() ? Optional.empty() : Optional.of(email), Optional.empty(), Optional.empty());
        ReceiveContact contact = new ReceiveContact(Optional.of(reference), type.procedure, area, Channel.OTHER,
                at(received, 0), r.date(MATTER_DATE), complainant, r.get(SUMMARY));
        List<RowPlan.Step> steps = new ArrayList<>();
        if (type.reclassifiedAs.isPresent()) {
            reclassified(r, type, received, steps);
        } else {
            milestones(r, steps);
            closure(r, steps, complaintWithReference, likelyOriginal);
        }
        return new RowPlan(row, contact, Audit.by(ACTOR).because(r.reason("")), steps);
    }

    /** A service request or not the council's: reclassified on its triage day, nothing else. */
    private void reclassified(Row r, LegacyLabels.Type type, LocalDate received, List<RowPlan.Step> steps) {
        for (String column : List.of(ALLOCATED_ON, ACKNOWLEDGED_ON, SENT_TO_SERVICE_ON, RESPONDED_ON, OUTCOME,
                CLOSURE_REASON)) {
            if (!r.get(column).isEmpty()) {
                throw new RowRejectedException(column + ": a '" + type.label + "' contact is not handled as a "
                        + "complaint; leave it blank");
            }
        }
        Optional<LocalDate> triaged = r.date(TRIAGED_ON);
        steps.add(r.step(new Command.Reclassify(type.reclassifiedAs.orElseThrow()), triaged.orElse(received), 1,
                triaged.isPresent() ? "" : "; " + TRIAGED_ON + " blank: reclassified on " + RECEIVED_ON));
    }

    /** Triage to response; a blank milestone before a filled one is implied on the next filled one's day. */
    private void milestones(Row r, List<RowPlan.Step> steps) {
        int last = -1;
        for (int i = 0; i < MILESTONES.size(); i++) {
            if (r.date(MILESTONES.get(i)).isPresent()) {
                last = i;
            }
        }
        boolean allocated = false;
        for (int i = 0; i <= last; i++) {
            String column = MILESTONES.get(i);
            Optional<LocalDate> own = r.date(column);
            String implied = "";
            LocalDate day;
            if (own.isPresent()) {
                day = own.get();
            } else if (column.equals(SENT_TO_SERVICE_ON)) {
                continue; // the complaints team may answer without the service: not a gap
            } else {
                int next = i + 1;
                while (r.date(MILESTONES.get(next)).isEmpty()) {
                    next++;
                }
                day = r.date(MILESTONES.get(next)).orElseThrow();
                implied = "; " + column + " blank: implied by " + MILESTONES.get(next);
            }
            Command command = switch (column) {
                case TRIAGED_ON -> Command.Triage.asReceived();
                case ALLOCATED_ON -> new Command.Allocate(r.required(OFFICER, ", needed to allocate the case"),
                        r.get(TEAM).isEmpty() ? DEFAULT_TEAM : r.get(TEAM));
                case ACKNOWLEDGED_ON -> new Command.Acknowledge();
                case SENT_TO_SERVICE_ON -> new Command.SendToService();
                default -> Command.Respond.with(outcome(r));
            };
            allocated |= column.equals(ALLOCATED_ON);
            steps.add(r.step(command, day, i + 1, implied));
        }
        if (!allocated && !r.get(OFFICER).isEmpty()) {
            throw new RowRejectedException(OFFICER + ": given without " + ALLOCATED_ON + " (or a later milestone)");
        }
        if (last < MILESTONES.indexOf(RESPONDED_ON) && !r.get(OUTCOME).isEmpty()) {
            throw new RowRejectedException(OUTCOME + ": given without " + RESPONDED_ON);
        }
    }

    private static Outcome outcome(Row r) {
        return LegacyLabels.outcome(r.required(OUTCOME, ", needed with " + RESPONDED_ON));
    }

    /**
     * Closed for a reason; or, after the response, an administrative close that leaves it complete (nothing
     * recorded); without either, rejected.
     */
    private void closure(Row r, List<RowPlan.Step> steps, Function<String, Optional<ComplaintId>> find,
            Optional<String> likelyOriginal) {
        Optional<LocalDate> closed = r.date(CLOSED_ON);
        String reasonText = r.get(CLOSURE_REASON);
        if (closed.isEmpty()) {
            if (!reasonText.isEmpty()) {
                throw new RowRejectedException(CLOSURE_REASON + ": given without " + CLOSED_ON);
            }
            return;
        }
        if (reasonText.isEmpty()) {
            if (r.date(RESPONDED_ON).isEmpty()) {
                throw new RowRejectedException(CLOSED_ON + ": closed without a " + CLOSURE_REASON + " and never "
                        + "responded to; give withdrawn, duplicate or out of time");
            }
            return;
        }
        ClosureReason reason = LegacyLabels.closureReason(reasonText);
        Command.Close close = switch (reason) {
            case WITHDRAWN -> Command.Close.withdrawn();
            case OUT_OF_TIME -> Command.Close.outOfTime();
            case DUPLICATE -> Command.Close.duplicateOf(original(r, find, likelyOriginal));
        };
        steps.add(r.step(close, closed.get(), 6, ""));
    }

    private static ComplaintId original(Row r, Function<String, Optional<ComplaintId>> find,
            Optional<String> likelyOriginal) {
        String named = r.get(DUPLICATE_OF);
        if (!named.isEmpty()) {
            return find.apply(named).orElseThrow(() -> new RowRejectedException(DUPLICATE_OF + ": '" + named
                    + "' is not in the store (import the original first)"));
        }
        return likelyOriginal.flatMap(find).orElseThrow(() -> new RowRejectedException(CLOSURE_REASON
                + ": duplicate of what? name the original's reference in " + DUPLICATE_OF
                + " (no earlier row looks like its original)"));
    }

    /**
     * The moment an event of the row is dated: 09:00 London on its day, a minute apart in milestone order so
     * that events on one day keep their order; on today's date before then, just after midnight.
     */
    private Instant at(LocalDate day, int order) {
        Instant start = LondonDays.startOf(day);
        Instant nineish = start.plus(Duration.ofHours(9)).plus(Duration.ofMinutes(order));
        return nineish.isAfter(clock.instant()) ? start.plus(order, ChronoUnit.MICROS) : nineish;
    }

    /** One row's fields, with the checks that name a column. */
    private final class Row {
        private final int number;
        private final Map<String, String> fields;
        private final LocalDate today;

        Row(int number, Map<String, String> fields, LocalDate today) {
            this.number = number;
            this.fields = fields;
            this.today = today;
        }

        String get(String column) {
            return fields.getOrDefault(column, "");
        }

        String required(String column, String why) {
            String value = get(column);
            if (value.isEmpty()) {
                throw new RowRejectedException(column + ": missing" + why);
            }
            return value;
        }

        /** The column's day, if filled; a day that does not parse or lies in the future is rejected. */
        Optional<LocalDate> date(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            LocalDate day;
            try {
                day = LegacyDates.parse(value);
            } catch (DateTimeParseException e) {
                throw new RowRejectedException(column + ": " + e.getMessage());
            }
            if (day.isAfter(today)) {
                throw new RowRejectedException(column + ": " + day + " is in the future");
            }
            return Optional.of(day);
        }

        /** Received, the milestones and the close must be dated in that order (the same day is fine). */
        void checkOrder(LocalDate received) {
            String previous = RECEIVED_ON;
            LocalDate previousDay = received;
            List<String> columns = new ArrayList<>(MILESTONES);
            columns.add(CLOSED_ON);
            for (String column : columns) {
                Optional<LocalDate> day = date(column);
                if (day.isPresent()) {
                    if (day.get().isBefore(previousDay)) {
                        throw new RowRejectedException(column + ": " + day.get() + " is before " + previous + " "
                                + previousDay + "; milestones are out of order");
                    }
                    previous = column;
                    previousDay = day.get();
                }
            }
        }

        RowPlan.Step step(Command command, LocalDate day, int order, String note) {
            return new RowPlan.Step(command, Audit.by(ACTOR).occurredAt(at(day, order)).because(reason(note)));
        }

        String reason(String note) {
            return REASON + ", row " + number + note;
        }
    }
}
