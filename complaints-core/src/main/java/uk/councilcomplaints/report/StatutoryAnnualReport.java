package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Maps;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Stage;

/**
 * The figures the statutory annual reports need for a year to 31 March, counted from what happened in the
 * year: counts only, no personal data. Whether time limits were met comes from the SLA rules: a response
 * counts as within its timescale when it was sent by its due day, with extensions and agreed dates.
 *
 * @param yearEnding the 31 March the year ends on
 * @param adults adult social care (SI 2009/309 reg 18)
 * @param childrens children's social care (SI 2006/1738)
 */
public record StatutoryAnnualReport(LocalDate yearEnding, Adults adults, Childrens childrens) implements Report {

    public StatutoryAnnualReport {
        requireNonNull(yearEnding, "yearEnding");
        requireNonNull(adults, "adults");
        requireNonNull(childrens, "childrens");
    }

    /** The first day of the year: 1 April of the year before. */
    public LocalDate yearStarting() {
        return yearEnding.minusYears(1).plusDays(1);
    }

    /**
     * Adult social care figures for the year.
     *
     * @param received complaints received (contacts triage found were not complaints excluded)
     * @param wellFounded responses sent that found the complaint upheld or partly upheld
     * @param referredToOmbudsman referrals to the Ombudsman recorded
     * @param respondedWithinTimescale responses sent in the year by the agreed (or default) response date
     */
    public record Adults(long received, long wellFounded, long referredToOmbudsman, long respondedWithinTimescale) {
        public Adults {
            checkArgument(received >= 0 && wellFounded >= 0 && referredToOmbudsman >= 0
                    && respondedWithinTimescale >= 0, "counts are never negative");
        }
    }

    /**
     * Children's social care figures for the year, by stage.
     *
     * @param received stage 1: complaints received; stages 2 and 3: requests to escalate to that stage
     * @param responses responses sent at each stage, by outcome
     * @param withinTimescale responses sent at each stage within its timescale
     */
    public record Childrens(Map<Stage, Long> received, Map<Stage, Map<Outcome, Long>> responses,
            Map<Stage, Long> withinTimescale) {
        public Childrens {
            EnumMap<Stage, Long> w = new EnumMap<>(Stage.class);
            EnumMap<Stage, Long> r = new EnumMap<>(Stage.class);
            EnumMap<Stage, Map<Outcome, Long>> s = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                r.put(stage, count(received.get(stage)));
                w.put(stage, count(withinTimescale.get(stage)));
                EnumMap<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
                Map<Outcome, Long> given = responses.getOrDefault(stage, Map.of());
                for (Outcome o : Outcome.values()) {
                    byOutcome.put(o, count(given.get(o)));
                }
                s.put(stage, Maps.immutableEnumMap(byOutcome));
            }
            received = Maps.immutableEnumMap(r);
            responses = Maps.immutableEnumMap(s);
            withinTimescale = Maps.immutableEnumMap(w);
        }

        private static long count(Long n) {
            long v = n == null ? 0 : n;
            checkArgument(v >= 0, "counts are never negative");
            return v;
        }

        /** Complaints (stage 1) or escalation requests (stages 2, 3) received at {@code stage}. */
        public long received(Stage stage) {
            return received.get(stage);
        }

        /** Responses sent at {@code stage} with {@code outcome}. */
        public long responses(Stage stage, Outcome outcome) {
            return responses.get(stage).get(outcome);
        }

        /** Responses sent at {@code stage} within its timescale. */
        public long withinTimescale(Stage stage) {
            return withinTimescale.get(stage);
        }

        /** Responses sent at {@code stage}. */
        public long responses(Stage stage) {
            return responses.get(stage).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
