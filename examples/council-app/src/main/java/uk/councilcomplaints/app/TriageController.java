package uk.councilcomplaints.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.store.ClockCursor;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;

/** The triage queue: contacts awaiting triage, the most urgent first, each triaged from its row. */
@Controller
class TriageController {

    static final int PAGE = 25;

    private final Complaints complaints;
    private final AppProperties properties;

    TriageController(Complaints complaints, AppProperties properties) {
        this.complaints = complaints;
        this.properties = properties;
    }

    @GetMapping("/triage")
    String queue(@RequestParam Optional<String> after, Authentication auth, Model model) {
        Viewer viewer = Viewer.of(auth, properties);
        Instant now = complaints.clock().instant();
        ClockQuery.Builder query = ClockQuery.running().kind(ClockKind.TRIAGE)
                .procedure(viewer.visibleProcedures()).limit(PAGE);
        after.filter(t -> !t.isBlank()).ifPresent(t -> query.after(ClockCursor.parse(t)));
        ClockPage page = complaints.queues().find(query.build());
        List<ClockRow> rows = page.items().stream().map(c -> ClockRow.of(c, now)).toList();
        long total = complaints.queues().count(ClockQuery.running().kind(ClockKind.TRIAGE)
                .procedure(viewer.visibleProcedures()).build());
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("next", page.next().map(ClockCursor::token).orElse(null));
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("procedures", List.of(viewer.visibleProcedures()));
        return "triage";
    }

    /**
     * A decision from the queue's row. Only with a decision: the case page's own triage form (no decision, a
     * version) is the case action {@code triage} of {@link CasesController}.
     */
    @PostMapping(path = "/cases/{id}/triage", params = "decision")
    String triage(@PathVariable String id, @RequestParam String decision, Authentication auth,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(auth, properties);
        Complaint c = viewer.check(complaints.get(ComplaintId.parse(id)));
        // COMPLAINT confirms it as logged; COMPLAINT:<procedure> confirms it under another procedure
        String[] parts = decision.split(":", 2);
        Decision d = Decision.valueOf(parts[0]);
        Command command = d.command();
        String label = d.label();
        if (d == Decision.COMPLAINT && parts.length == 2 && Procedure.valueOf(parts[1]) != c.procedure()) {
            Procedure procedure = Procedure.valueOf(parts[1]);
            command = Command.Triage.as(procedure, c.serviceArea());
            label = "A complaint under the " + procedure.label() + " procedure";
        }
        try {
            complaints.execute(c.id(), command, Audit.by(auth.getName()).because("triage: " + label));
            redirect.addFlashAttribute("success", c.reference() + ": " + label);
            redirect.addFlashAttribute("successCase", c.id().value().toString());
        } catch (CommandRejectedException e) {
            redirect.addFlashAttribute("problem", c.reference() + " was not triaged: " + e.getMessage());
        }
        return "redirect:/triage";
    }

    /** What triage may decide. */
    enum Decision {
        COMPLAINT("A complaint under the procedure logged", Command.Triage.asReceived()),
        SERVICE_REQUEST("A service request", new Command.Reclassify(Classification.SERVICE_REQUEST)),
        NOT_COUNCIL_COMPLAINT("Not a council complaint", new Command.Reclassify(Classification.NOT_COUNCIL_COMPLAINT));

        private final String label;
        private final Command command;

        Decision(String label, Command command) {
            this.label = label;
            this.command = command;
        }

        public String label() {
            return label;
        }

        Command command() {
            return command;
        }
    }
}
