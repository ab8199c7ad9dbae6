package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;
import static uk.councilcomplaints.model.Procedure.ADULT_SOCIAL_CARE;
import static uk.councilcomplaints.model.Procedure.CHILDRENS_SOCIAL_CARE;
import static uk.councilcomplaints.model.Procedure.CORPORATE;
import static uk.councilcomplaints.model.Procedure.HOUSING;
import static uk.councilcomplaints.model.Stage.STAGE_1;
import static uk.councilcomplaints.model.Stage.STAGE_2;
import static uk.councilcomplaints.model.Stage.STAGE_3;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.ACKNOWLEDGEMENT;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.PANEL_REPORT;
import static uk.councilcomplaints.sla.StageTarget.ResponseFrom.RECEIPT;

import com.google.common.collect.ImmutableTable;
import com.google.common.collect.Sets;
import com.google.common.collect.Table;
import com.google.common.collect.TreeBasedTable;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.StageTarget.ResponseFrom;
import uk.councilcomplaints.sla.TriageTarget.HourKind;

/**
 * The timescales a council applies to contacts and complaints: the triage target, the target of
 * each stage of each procedure (with the review panel's milestones at children's stage 3), when a
 * running clock counts as at risk, and which procedures allow the clock to pause. Immutable; the builder
 * rejects values beyond the limits of each procedure's rules: a council may set shorter targets, never
 * longer ones, and the response clock starts where the procedure says.
 */
public final class SlaPolicy {

    /** The statutory milestones of children's stage 3 (SI 2006/1738): the most a council may set. */
    private static final Stage3Timescales CHILDRENS_STAGE_3 = new Stage3Timescales(30, 5, 15);
    private static final Period ADULT_RESPONSE_LIMIT = Period.ofMonths(6);

    private final TriageTarget triage;
    private final ImmutableTable<Procedure, Stage, StageTarget> targets;
    private final int panelWithinWorkingDays;
    private final int reportWithinWorkingDays;
    private final int atRiskWorkingDays;
    private final Set<Procedure> pauseAllowed;

    private SlaPolicy(Builder builder) {
        this.triage = builder.triage;
        this.targets = ImmutableTable.copyOf(builder.targets);
        this.panelWithinWorkingDays = builder.panelWithinWorkingDays;
        this.reportWithinWorkingDays = builder.reportWithinWorkingDays;
        this.atRiskWorkingDays = builder.atRiskWorkingDays;
        this.pauseAllowed = Sets.immutableEnumSet(builder.pauseAllowed);
    }

    /**
     * The defaults for England:
     *
     * <ul>
     *   <li>triage within 48 working hours;
     *   <li>adult social care: acknowledge within 3 working days; respond within 20 working days of
     *       receipt, the council's default target while no response date has been agreed with the
     *       complainant (the regulations set no number of days); no extensions, since the clock moves
     *       by an agreed response date instead; an agreed period of at most 6 months;
     *   <li>children's social care: acknowledge within 3 working days (council practice) at every
     *       stage; stage 1 response within 10 working days of receipt, extendable by 10; stage 2
     *       within 25 of the request, extendable by 40; stage 3: the review panel meets within 30
     *       working days of the request, reports within 5 of meeting, and the council responds within
     *       15 of the report, not extendable (see {@link #childrensStage3()});
     *   <li>corporate: acknowledge within 5 working days; stage 1 response within 10 working days of
     *       acknowledgement, extendable by 10; stage 2 within 20, extendable by 20;
     *   <li>housing (Housing Ombudsman Complaint Handling Code 2024): the same as corporate;
     *   <li>at risk when due within 2 working days; pausing allowed for the corporate and housing procedures
     *       only.
     * </ul>
     */
    public static SlaPolicy englandDefaults() {
        return Defaults.INSTANCE;
    }

    /** A builder that starts from {@link #englandDefaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** How soon a new contact must be triaged. */
    public TriageTarget triage() {
        return triage;
    }

    /**
     * The target for a stage of a procedure.
     *
     * @throws IllegalArgumentException if the procedure has no such stage
     */
    public StageTarget target(Procedure procedure, Stage stage) {
        checkHasStage(procedure, stage);
        return requireNonNull(targets.get(procedure, stage));
    }

    /**
     * The milestones of stage 3 of the children's social care procedure: at most (and by default) 30, 5
     * and 15 working days. The council's response is the stage 3 target's response time.
     */
    public Stage3Timescales childrensStage3() {
        return new Stage3Timescales(panelWithinWorkingDays, reportWithinWorkingDays,
                target(CHILDRENS_SOCIAL_CARE, STAGE_3).responseWorkingDays());
    }

    /** A running clock is at risk when it is due within this many working days. */
    public int atRiskWorkingDays() {
        return atRiskWorkingDays;
    }

    /** Whether the procedure's clock may pause while the council waits for the complainant. */
    public boolean pauseAllowed(Procedure procedure) {
        return pauseAllowed.contains(requireNonNull(procedure, "procedure"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlaPolicy that
                && triage.equals(that.triage)
                && targets.equals(that.targets)
                && panelWithinWorkingDays == that.panelWithinWorkingDays
                && reportWithinWorkingDays == that.reportWithinWorkingDays
                && atRiskWorkingDays == that.atRiskWorkingDays
                && pauseAllowed.equals(that.pauseAllowed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(triage, targets, panelWithinWorkingDays, reportWithinWorkingDays, atRiskWorkingDays,
                pauseAllowed);
    }

    @Override
    public String toString() {
        return "SlaPolicy[triage=" + triage + ", targets=" + targets.rowMap() + ", childrensStage3="
                + childrensStage3() + ", atRiskWorkingDays="
                + atRiskWorkingDays + ", pauseAllowed=" + pauseAllowed + "]";
    }

    private static void checkHasStage(Procedure procedure, Stage stage) {
        requireNonNull(procedure, "procedure");
        requireNonNull(stage, "stage");
        if (!procedure.hasStage(stage)) {
            throw new IllegalArgumentException(
                    procedure + " has no " + stage + " (its last stage is " + procedure.lastStage() + ")");
        }
    }

    /** Changes the defaults; every setter validates its values at once. */
    public static final class Builder {
        private TriageTarget triage = new TriageTarget(48, HourKind.WORKING);
        private final Table<Procedure, Stage, StageTarget> targets = TreeBasedTable.create();
        private int panelWithinWorkingDays = CHILDRENS_STAGE_3.panelWithinWorkingDays();
        private int reportWithinWorkingDays = CHILDRENS_STAGE_3.reportWithinWorkingDays();
        private int atRiskWorkingDays = 2;
        private final Set<Procedure> pauseAllowed = EnumSet.of(CORPORATE, HOUSING);

        private Builder() {
            target(ADULT_SOCIAL_CARE, STAGE_1, new StageTarget(3, 20, RECEIPT, 0, Optional.of(ADULT_RESPONSE_LIMIT)));
            target(CHILDRENS_SOCIAL_CARE, STAGE_1, new StageTarget(3, 10, RECEIPT, 10, Optional.empty()));
            target(CHILDRENS_SOCIAL_CARE, STAGE_2, new StageTarget(3, 25, RECEIPT, 40, Optional.empty()));
            target(CHILDRENS_SOCIAL_CARE, STAGE_3, new StageTarget(3, CHILDRENS_STAGE_3.councilResponseWithinWorkingDays(),
                    PANEL_REPORT, 0, Optional.empty()));
            target(CORPORATE, STAGE_1, new StageTarget(5, 10, ACKNOWLEDGEMENT, 10, Optional.empty()));
            target(CORPORATE, STAGE_2, new StageTarget(5, 20, ACKNOWLEDGEMENT, 20, Optional.empty()));
            target(HOUSING, STAGE_1, new StageTarget(5, 10, ACKNOWLEDGEMENT, 10, Optional.empty()));
            target(HOUSING, STAGE_2, new StageTarget(5, 20, ACKNOWLEDGEMENT, 20, Optional.empty()));
        }

        /**
         * Sets the triage target.
         *
         * @throws IllegalArgumentException unless {@code hours} is 24 or 48
         */
        public Builder triage(int hours, HourKind kind) {
            requireNonNull(kind, "kind");
            if (hours != 24 && hours != 48) {
                throw new IllegalArgumentException("triage hours must be 24 or 48, was " + hours);
            }
            this.triage = new TriageTarget(hours, kind);
            return this;
        }

        /**
         * Sets the target for a stage of a procedure.
         *
         * @throws IllegalArgumentException naming the field and the limit, if the procedure has no such
         *     stage, a number is negative, the response time is not positive, a number exceeds what the
         *     procedure's rules allow at that stage, or the response clock would start elsewhere than they say
         */
        public Builder target(Procedure procedure, Stage stage, StageTarget target) {
            checkHasStage(procedure, stage);
            requireNonNull(target, "target");
            StageTargetRules.check(procedure, stage, target);
            targets.put(procedure, stage, target);
            return this;
        }

        /**
         * Sets the milestones of children's stage 3: when the review panel meets, when it reports, and the
         * council's response (the stage 3 target's response time).
         *
         * @throws IllegalArgumentException naming the field and the limit, unless each is from 1 to its
         *     statutory limit (30, 5 and 15 working days)
         */
        public Builder childrensStage3(Stage3Timescales timescales) {
            requireNonNull(timescales, "timescales");
            StageTargetRules.checkStage3(timescales);
            StageTarget current = targets.get(CHILDRENS_SOCIAL_CARE, STAGE_3);
            StageTarget changed = new StageTarget(current.acknowledgeWorkingDays(),
                    timescales.councilResponseWithinWorkingDays(), current.responseFrom(),
                    current.maxExtensionWorkingDays(), current.responseLimit());
            StageTargetRules.check(CHILDRENS_SOCIAL_CARE, STAGE_3, changed);
            panelWithinWorkingDays = timescales.panelWithinWorkingDays();
            reportWithinWorkingDays = timescales.reportWithinWorkingDays();
            targets.put(CHILDRENS_SOCIAL_CARE, STAGE_3, changed);
            return this;
        }

        /**
         * Sets how many working days before it is due a running clock counts as at risk.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder atRiskWorkingDays(int workingDays) {
            if (workingDays < 0) {
                throw new IllegalArgumentException("atRiskWorkingDays must not be negative, was " + workingDays);
            }
            this.atRiskWorkingDays = workingDays;
            return this;
        }

        /** Sets whether the procedure's clock may pause while the council waits for the complainant. */
        public Builder pauseAllowed(Procedure procedure, boolean allowed) {
            requireNonNull(procedure, "procedure");
            if (allowed) {
                pauseAllowed.add(procedure);
            } else {
                pauseAllowed.remove(procedure);
            }
            return this;
        }

        /** A new policy; later changes to this builder do not affect it. */
        public SlaPolicy build() {
            return new SlaPolicy(this);
        }
    }

    /**
     * The most each procedure's rules allow at each stage, and where its response clock starts. A council
     * may set shorter targets, never longer ones, and cannot move the start.
     *
     * @param acknowledge the most working days to acknowledge
     * @param response the most working days to respond, counted from {@code from}
     * @param from where the response clock starts
     * @param extension the most working days an extension may add
     * @param source the rule, for error messages
     */
    private record Regime(int acknowledge, int response, ResponseFrom from, int extension, String source) {}

    /**
     * The most working days a default adult response target may take: the fewest working days that any 6
     * months from a day of receipt hold in England and Wales (1990 to 2199), so the default never ends after
     * the 6 months.
     */
    static final int ADULT_MAX_RESPONSE_WORKING_DAYS = 120;

    private static final ImmutableTable<Procedure, Stage, Regime> REGIMES =
            ImmutableTable.<Procedure, Stage, Regime>builder()
                    .put(ADULT_SOCIAL_CARE, STAGE_1, new Regime(3, ADULT_MAX_RESPONSE_WORKING_DAYS, RECEIPT, 0,
                            "SI 2009/309: acknowledge within 3 working days, respond within 6 months of receipt;"
                                    + " the date moves only by agreement with the complainant, not by extension"))
                    .put(CHILDRENS_SOCIAL_CARE, STAGE_1, new Regime(10, 10, RECEIPT, 10,
                            "SI 2006/1738: respond within 10 working days of receipt, extendable by 10;"
                                    + " acknowledge before the response is due"))
                    .put(CHILDRENS_SOCIAL_CARE, STAGE_2, new Regime(25, 25, RECEIPT, 40,
                            "SI 2006/1738: respond within 25 working days of the request, extendable to 65;"
                                    + " acknowledge before the response is due"))
                    .put(CHILDRENS_SOCIAL_CARE, STAGE_3, new Regime(30, 15, PANEL_REPORT, 0,
                            "SI 2006/1738: the council responds within 15 working days of the review panel's report,"
                                    + " not extendable; acknowledge before the panel is due to meet"))
                    .put(CORPORATE, STAGE_1, new Regime(5, 10, ACKNOWLEDGEMENT, 10,
                            "LGSCO Complaint Handling Code: acknowledge within 5 working days, respond within 10"
                                    + " working days of acknowledgement, extension at most 10"))
                    .put(CORPORATE, STAGE_2, new Regime(5, 20, ACKNOWLEDGEMENT, 20,
                            "LGSCO Complaint Handling Code: acknowledge within 5 working days, respond within 20"
                                    + " working days of acknowledgement, extension at most 20"))
                    .put(HOUSING, STAGE_1, new Regime(5, 10, ACKNOWLEDGEMENT, 10,
                            "Housing Ombudsman Complaint Handling Code 2024: acknowledge within 5 working days,"
                                    + " respond within 10 working days of acknowledgement, extension at most 10"))
                    .put(HOUSING, STAGE_2, new Regime(5, 20, ACKNOWLEDGEMENT, 20,
                            "Housing Ombudsman Complaint Handling Code 2024: acknowledge within 5 working days,"
                                    + " respond within 20 working days of acknowledgement, extension at most 20"))
                    .build();

    /** The checks a stage target must pass, including the limits of the procedure's rules. */
    private static final class StageTargetRules {

        private StageTargetRules() {}

        static void check(Procedure procedure, Stage stage, StageTarget target) {
            String where = procedure.name() + " " + stage + ": ";
            Regime regime = requireNonNull(REGIMES.get(procedure, stage));
            notNegative(where, "acknowledgeWorkingDays", target.acknowledgeWorkingDays());
            if (target.responseWorkingDays() <= 0) {
                throw new IllegalArgumentException(
                        where + "responseWorkingDays " + target.responseWorkingDays() + " must be positive");
            }
            notNegative(where, "maxExtensionWorkingDays", target.maxExtensionWorkingDays());
            target.responseLimit().ifPresent(limit -> {
                if (limit.isNegative() || limit.isZero()) {
                    throw new IllegalArgumentException(where + "responseLimit " + limit
                            + " must be positive (no negative parts)");
                }
            });
            atMost(where, "acknowledgeWorkingDays", target.acknowledgeWorkingDays(), regime.acknowledge(), regime);
            atMost(where, "responseWorkingDays", target.responseWorkingDays(), regime.response(), regime);
            atMost(where, "maxExtensionWorkingDays", target.maxExtensionWorkingDays(), regime.extension(), regime);
            if (target.responseFrom() != regime.from()) {
                throw new IllegalArgumentException(where + "responseFrom " + target.responseFrom() + " must be "
                        + regime.from() + " (" + regime.source() + ")");
            }
            if (procedure == ADULT_SOCIAL_CARE) {
                checkAdultResponseLimit(where, target);
            }
        }

        /** Checks the panel and report milestones of children's stage 3. */
        static void checkStage3(Stage3Timescales timescales) {
            String where = CHILDRENS_SOCIAL_CARE.name() + " " + STAGE_3 + ": ";
            String source = "SI 2006/1738: the review panel meets within 30 working days of the request and"
                    + " reports within 5 working days of meeting";
            positiveAtMost(where, "panelWithinWorkingDays", timescales.panelWithinWorkingDays(),
                    CHILDRENS_STAGE_3.panelWithinWorkingDays(), source);
            positiveAtMost(where, "reportWithinWorkingDays", timescales.reportWithinWorkingDays(),
                    CHILDRENS_STAGE_3.reportWithinWorkingDays(), source);
        }

        private static void notNegative(String where, String field, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(where + field + " " + value + " must not be negative");
            }
        }

        private static void atMost(String where, String field, int value, int limit, Regime regime) {
            if (value > limit) {
                throw new IllegalArgumentException(where + field + " " + value + " exceeds the limit of " + limit
                        + " working days (" + regime.source() + ")");
            }
        }

        private static void positiveAtMost(String where, String field, int value, int limit, String source) {
            if (value <= 0 || value > limit) {
                throw new IllegalArgumentException(where + field + " " + value + " must be from 1 to the limit of "
                        + limit + " working days (" + source + ")");
            }
        }

        private static void checkAdultResponseLimit(String where, StageTarget target) {
            String rule = " the statutory limit (at most 6 months)";
            Period limit = target.responseLimit().orElseThrow(
                    () -> new IllegalArgumentException(where + "responseLimit must be set, to" + rule));
            if (mayEndAfterSixMonths(limit)) {
                throw new IllegalArgumentException(where + "responseLimit " + limit + " exceeds" + rule);
            }
        }

        /** Whether {@code period} ends later than 6 months for some start date (months vary in length). */
        private static boolean mayEndAfterSixMonths(Period period) {
            if (period.toTotalMonths() > ADULT_RESPONSE_LIMIT.toTotalMonths()) {
                return true; // and a date far enough ahead would overflow below
            }
            // four years from a leap year meet every month length and every end-of-month case
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (LocalDate day = start; day.isBefore(start.plusYears(4)); day = day.plusDays(1)) {
                if (day.plus(period).isAfter(day.plus(ADULT_RESPONSE_LIMIT))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The England defaults, built once. */
    private static final class Defaults {
        static final SlaPolicy INSTANCE = new Builder().build();
    }
}
