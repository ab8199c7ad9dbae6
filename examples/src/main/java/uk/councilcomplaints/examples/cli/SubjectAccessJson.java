package uk.councilcomplaints.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.protection.SubjectAccessReport;

/**
 * A {@link SubjectAccessReport} as JSON: who was asked about, when, and each complaint with its facts, the
 * complainant's details and summary as held, and every event (what, when it happened and was recorded, who,
 * why, and what it says). Instants in ISO form (UTC), enums by name.
 */
final class SubjectAccessJson {

    private SubjectAccessJson() {
    }

    static String of(SubjectAccessReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("subject", Map.of(report.subject().field().name().toLowerCase(java.util.Locale.ROOT),
                report.subject().value()));
        root.put("produced_at", report.producedAt().toString());
        List<Object> complaints = new ArrayList<>();
        for (SubjectAccessReport.Held held : report.complaints()) {
            complaints.add(complaint(held));
        }
        root.put("complaints", complaints);
        return Json.write(root);
    }

    private static Map<String, Object> complaint(SubjectAccessReport.Held held) {
        Complaint c = held.complaint();
        Complainant who = held.personalData().complainant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("reference", c.reference());
        m.put("classification", c.classification().name());
        m.put("procedure", c.procedure().name());
        m.put("stage", c.stage().number());
        m.put("service_area", c.serviceArea().name());
        m.put("channel", c.channel().name());
        m.put("received_at", c.receivedAt().toString());
        m.put("status", c.status().name());
        m.put("officer", c.officer());
        m.put("outcome", c.outcome().map(Enum::name));
        Map<String, Object> complainant = new LinkedHashMap<>();
        complainant.put("name", who.name());
        complainant.put("email", who.email());
        complainant.put("phone", who.phone());
        complainant.put("address", who.address());
        m.put("complainant", complainant);
        m.put("summary", held.personalData().summary());
        List<Object> events = new ArrayList<>();
        for (ComplaintEvent e : held.history()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", e.version());
            event.put("type", e.type().name());
            event.put("occurred_at", e.occurredAt().toString());
            event.put("recorded_at", e.recordedAt().toString());
            event.put("actor", e.actor());
            event.put("reason", e.reason());
            event.put("status", e.status().name());
            Map<String, Object> details = e.data().accept(new Details());
            if (!details.isEmpty()) {
                event.put("details", details);
            }
            events.add(event);
        }
        m.put("events", events);
        return m;
    }

    /** What an event says beyond its type, as JSON fields. */
    private static final class Details implements EventData.Visitor<Map<String, Object>> {

        private static Map<String, Object> fields(Object... keysAndValues) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            return m;
        }

        @Override
        public Map<String, Object> received(EventData.Received e) {
            return fields("reference", e.reference(), "procedure", e.procedure().name(), "service_area",
                    e.serviceArea().name(), "channel", e.channel().name(), "matter_date",
                    e.matterDate().map(Object::toString));
        }

        @Override
        public Map<String, Object> triaged(EventData.Triaged e) {
            return fields("procedure", e.procedure().name(), "service_area", e.serviceArea().name());
        }

        @Override
        public Map<String, Object> reclassified(EventData.Reclassified e) {
            return e.exclusion().isPresent()
                    ? fields("classification", e.classification().name(), "exclusion", e.exclusion().get().name())
                    : fields("classification", e.classification().name());
        }

        @Override
        public Map<String, Object> allocated(EventData.Allocated e) {
            return fields("officer", e.officer(), "team", e.team());
        }

        @Override
        public Map<String, Object> acknowledged(EventData.Acknowledged e) {
            return fields();
        }

        @Override
        public Map<String, Object> sentToService(EventData.SentToService e) {
            return fields();
        }

        @Override
        public Map<String, Object> draftSubmitted(EventData.DraftSubmitted e) {
            return fields();
        }

        @Override
        public Map<String, Object> responded(EventData.Responded e) {
            return e.payment().isPresent()
                    ? fields("outcome", e.outcome().name(), "remedies",
                            e.remedies().stream().map(Remedy::name).sorted().toList(), "payment", e.payment().get().toString())
                    : fields("outcome", e.outcome().name(),
                            "remedies", e.remedies().stream().map(Remedy::name).sorted().toList());
        }

        @Override
        public Map<String, Object> escalated(EventData.Escalated e) {
            return fields("to_stage", e.to().number(), "late_request_accepted", e.lateRequestAccepted());
        }

        @Override
        public Map<String, Object> referredToOmbudsman(EventData.ReferredToOmbudsman e) {
            return fields();
        }

        @Override
        public Map<String, Object> closed(EventData.Closed e) {
            return fields("closure_reason", e.reason().name(), "duplicate_of",
                    e.duplicateOf().map(Object::toString));
        }

        @Override
        public Map<String, Object> acceptedLate(EventData.AcceptedLate e) {
            return fields();
        }

        @Override
        public Map<String, Object> extended(EventData.Extended e) {
            return fields("working_days", e.workingDays());
        }

        @Override
        public Map<String, Object> responseDateAgreed(EventData.ResponseDateAgreed e) {
            return fields("date", e.date().toString());
        }

        @Override
        public Map<String, Object> paused(EventData.Paused e) {
            return fields();
        }

        @Override
        public Map<String, Object> resumed(EventData.Resumed e) {
            return fields();
        }

        @Override
        public Map<String, Object> panelMet(EventData.PanelMet e) {
            return fields();
        }

        @Override
        public Map<String, Object> panelReported(EventData.PanelReported e) {
            return fields();
        }

        @Override
        public Map<String, Object> personalDataErased(EventData.PersonalDataErased e) {
            return fields();
        }

        /** Every type that keeps the record has its own method here: none comes this way. */
        @Override
        public Map<String, Object> recordKept(EventData e) {
            throw new IllegalStateException("no fields decided for " + e.type());
        }

        @Override
        public Map<String, Object> escalationRefused(EventData.EscalationRefused e) {
            return fields("requested_stage", e.requested().number());
        }

        @Override
        public Map<String, Object> themesRecorded(EventData.ThemesRecorded e) {
            return fields("themes", e.themes().stream().sorted().toList());
        }

        @Override
        public Map<String, Object> ombudsmanEnquiryReceived(EventData.OmbudsmanEnquiryReceived e) {
            return fields();
        }

        @Override
        public Map<String, Object> ombudsmanDecided(EventData.OmbudsmanDecided e) {
            Map<String, Object> m = fields("decision", e.decision().name(), "remedies",
                    e.remedies().stream().map(Remedy::name).sorted().toList());
            e.payment().ifPresent(p -> m.put("payment", p.toString()));
            e.remediesDue().ifPresent(d -> m.put("remedies_due", d.toString()));
            return m;
        }

        @Override
        public Map<String, Object> ombudsmanRemedyComplied(EventData.OmbudsmanRemedyComplied e) {
            return fields("complied_on", e.day().toString());
        }

        @Override
        public Map<String, Object> learningActionAgreed(EventData.LearningActionAgreed e) {
            return fields("number", e.number(), "action", e.action(), "service", e.service().name(), "owner", e.owner(),
                    "due", e.due().toString());
        }

        @Override
        public Map<String, Object> learningActionDone(EventData.LearningActionDone e) {
            return fields("number", e.number(), "done_on", e.day().toString(), "evidence", e.evidence());
        }

        @Override
        public Map<String, Object> letterSent(EventData.LetterSent e) {
            return fields("letter", e.letter(), "notification_id", e.notificationId());
        }
    }
}
