package uk.councilcomplaints.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one year of the Complaint Handling Code's annual report, by section, each keyed and labelled, in
 * the order they print. Sections and their fixed lines are always there; lines that depend on the data (a service,
 * a theme, a cause) only when they count something.
 */
final class CodeYear {

    /** A section's id and title, in the order they print. */
    enum SectionId {
        VOLUMES("Complaints received"),
        OUTCOMES("Outcomes of the responses sent"),
        TIMELINESS("Timeliness against each procedure's timescales"),
        ESCALATION("Escalation"),
        REFUSED("Complaints refused, by exclusion"),
        THEMES("Themes of the complaints received"),
        REMEDIES("Remedies offered in responses"),
        LEARNING("Learning and service improvement actions agreed"),
        OMBUDSMAN("The Ombudsman's involvement"),
        NON_COMPLIANCE("Findings of non-compliance: timescales missed, by cause");

        final String title;

        SectionId(String title) {
            this.title = title;
        }
    }

    record Entry(String label, Figure figure) {
    }

    final Map<SectionId, Map<String, Entry>> sections = new LinkedHashMap<>();

    CodeYear() {
        for (SectionId id : SectionId.values()) {
            sections.put(id, new LinkedHashMap<>());
        }
    }

    void put(SectionId section, String key, String label, Figure figure) {
        sections.get(section).put(key, new Entry(label, figure));
    }

    /** The zero of the same kind as {@code figure}: what a line one year has and the other lacks shows there. */
    static Figure zeroLike(Figure figure) {
        if (figure instanceof Figure.Share) {
            return new Figure.Share(0, 0);
        } else if (figure instanceof Figure.Amount) {
            return new Figure.Amount(0);
        } else if (figure instanceof Figure.PerThousand p) {
            return new Figure.PerThousand(0, p.base());
        }
        return new Figure.Count(0);
    }
}
