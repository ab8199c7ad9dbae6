package uk.councilcomplaints.app;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandType;

/**
 * The case page's actions: one form per command the case's status allows, with the button's words and the
 * fields it needs. {@link #command} reads the submitted fields; a field it cannot read is an
 * {@link IllegalArgumentException} naming it.
 */
public enum CaseAction {
    TRIAGE(CommandType.TRIAGE, "Confirm as a complaint", p -> Command.Triage.asReceived()),
    RECLASSIFY(CommandType.RECLASSIFY, "Record as not a complaint",
            p -> new Command.Reclassify(Classification.valueOf(required(p, "classification", "Select what it is")))),
    ALLOCATE(CommandType.ALLOCATE, "Allocate",
            p -> new Command.Allocate(p.getOrDefault("officer", "").strip(), p.getOrDefault("team", "").strip())),
    ACKNOWLEDGE(CommandType.ACKNOWLEDGE, "Record acknowledgement sent", p -> new Command.Acknowledge()),
    SEND_TO_SERVICE(CommandType.SEND_TO_SERVICE, "Send to the service", p -> new Command.SendToService()),
    SUBMIT_DRAFT(CommandType.SUBMIT_DRAFT, "Record draft response received", p -> new Command.SubmitDraft()),
    RESPOND(CommandType.RESPOND, "Record response sent", p -> new Command.Respond(
            Outcome.valueOf(required(p, "outcome", "Select the outcome")), remedies(p), money(p, "payment"))),
    ESCALATE(CommandType.ESCALATE, "Escalate to the next stage",
            p -> new Command.Escalate("true".equals(p.get("acceptLate")))),
    REFER_TO_OMBUDSMAN(CommandType.REFER_TO_OMBUDSMAN, "Record referral to the Ombudsman",
            p -> new Command.ReferToOmbudsman()),
    CLOSE(CommandType.CLOSE, "Close the case", p -> new Command.Close(
            ClosureReason.valueOf(required(p, "closureReason", "Select why the case is closed")), Optional.empty())),
    ACCEPT_LATE(CommandType.ACCEPT_LATE, "Accept although made late", p -> new Command.AcceptLate()),
    EXTEND(CommandType.EXTEND, "Extend the response time", p -> new Command.Extend(
            number(p, "workingDays", "Working days must be a whole number, like 10"))),
    AGREE_RESPONSE_DATE(CommandType.AGREE_RESPONSE_DATE, "Record the agreed response date",
            p -> new Command.AgreeResponseDate(date(p, "agreedDate", "Agreed date"))),
    PAUSE(CommandType.PAUSE, "Pause the clock", p -> new Command.Pause()),
    RESUME(CommandType.RESUME, "Resume the clock", p -> new Command.Resume()),
    RECORD_PANEL_MEETING(CommandType.RECORD_PANEL_MEETING, "Record that the review panel met",
            p -> new Command.RecordPanelMeeting()),
    RECORD_PANEL_REPORT(CommandType.RECORD_PANEL_REPORT, "Record the review panel's report",
            p -> new Command.RecordPanelReport()),
    REFUSE(CommandType.REFUSE, "Refuse the complaint", p -> new Command.Refuse(
            Exclusion.valueOf(required(p, "exclusion", "Select why the complaint is refused")))),
    REFUSE_ESCALATION(CommandType.REFUSE_ESCALATION, "Refuse the request for the next stage",
            p -> new Command.RefuseEscalation()),
    RECORD_THEMES(CommandType.RECORD_THEMES, "Record the themes", p -> new Command.RecordThemes(themes(p))),
    RECORD_OMBUDSMAN_ENQUIRY(CommandType.RECORD_OMBUDSMAN_ENQUIRY, "Record the Ombudsman's enquiry",
            p -> new Command.RecordOmbudsmanEnquiry()),
    RECORD_OMBUDSMAN_DECISION(CommandType.RECORD_OMBUDSMAN_DECISION, "Record the Ombudsman's decision",
            p -> new Command.RecordOmbudsmanDecision(
                    OmbudsmanDecision.valueOf(required(p, "decision", "Select the Ombudsman's decision")),
                    remedies(p), money(p, "payment"), optionalDate(p, "remediesDue", "Remedies due"))),
    RECORD_OMBUDSMAN_COMPLIANCE(CommandType.RECORD_OMBUDSMAN_COMPLIANCE,
            "Record compliance with the Ombudsman's remedies",
            p -> new Command.RecordOmbudsmanCompliance(date(p, "compliedOn", "Date complied"))),
    AGREE_LEARNING_ACTION(CommandType.AGREE_LEARNING_ACTION, "Agree a learning action",
            p -> new Command.AgreeLearningAction(p.getOrDefault("action", "").strip(),
                    ServiceAreas.byCode(required(p, "service", "Select the service that will change")).orElseThrow(
                            () -> new FieldProblem("service", "Select the service that will change")),
                    p.getOrDefault("owner", "").strip(), date(p, "due", "Due date"), Set.of())),
    COMPLETE_LEARNING_ACTION(CommandType.COMPLETE_LEARNING_ACTION, "Record a learning action done",
            p -> new Command.CompleteLearningAction(
                    number(p, "number", "Select the learning action that was done"),
                    date(p, "doneOn", "Date done"), p.getOrDefault("evidence", "").strip()));

    private final CommandType type;
    private final String label;
    private final Function<Map<String, String>, Command> reader;

    CaseAction(CommandType type, String label, Function<Map<String, String>, Command> reader) {
        this.type = type;
        this.label = label;
        this.reader = reader;
    }

    public CommandType type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** The path segment of the action's form. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The command from the form's fields. */
    Command command(Map<String, String> fields) {
        return reader.apply(fields);
    }

    /** The actions for the commands allowed now, in the table's order. */
    static Set<CaseAction> allowed(Set<CommandType> types) {
        Set<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        for (CaseAction a : values()) {
            if (types.contains(a.type)) {
                out.add(a);
            }
        }
        return out;
    }

    static Optional<CaseAction> bySlug(String slug) {
        for (CaseAction a : values()) {
            if (a.slug().equals(slug)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** A field the form could not read: its id and the message. */
    static final class FieldProblem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        FieldProblem(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static String required(Map<String, String> p, String field, String message) {
        String v = p.getOrDefault(field, "");
        if (v.isBlank()) {
            throw new FieldProblem(field, message);
        }
        return v;
    }

    private static int number(Map<String, String> p, String field, String message) {
        try {
            return Integer.parseInt(p.getOrDefault(field, "").trim());
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, message);
        }
    }

    private static LocalDate date(Map<String, String> p, String field, String name) {
        return DateFields.parse(p.getOrDefault(field + "Day", ""), p.getOrDefault(field + "Month", ""),
                p.getOrDefault(field + "Year", "")).orElseThrow(
                        () -> new FieldProblem(field + "Day", name + " must be a real date, like 27 3 2026"));
    }

    /** A date that may be left empty (all three fields blank). */
    private static Optional<LocalDate> optionalDate(Map<String, String> p, String field, String name) {
        if ((p.getOrDefault(field + "Day", "") + p.getOrDefault(field + "Month", "")
                + p.getOrDefault(field + "Year", "")).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(date(p, field, name));
    }

    /** An amount in pounds that may be left empty. */
    private static Optional<Money> money(Map<String, String> p, String field) {
        String text = p.getOrDefault(field, "");
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parse(text));
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(field, "Payment must be an amount in pounds from 0.01 to 1000000, like 250 or 250.50");
        }
    }

    /** The themes ticked: fields named {@code theme-<code>}. */
    private static Set<String> themes(Map<String, String> p) {
        Set<String> out = new TreeSet<>();
        p.forEach((k, v) -> {
            if (k.startsWith("theme-") && "true".equals(v)) {
                out.add(k.substring("theme-".length()));
            }
        });
        if (out.isEmpty()) {
            throw new FieldProblem("themes", "Select at least one theme");
        }
        return out;
    }

    private static Set<Remedy> remedies(Map<String, String> p) {
        Set<Remedy> out = EnumSet.noneOf(Remedy.class);
        for (Remedy r : Remedy.values()) {
            if ("true".equals(p.get("remedy-" + r.name()))) {
                out.add(r);
            }
        }
        return out;
    }

}
