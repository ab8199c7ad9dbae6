package uk.councilcomplaints.app;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.ClockCursor;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.Cursor;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.InvalidCommandException;
import uk.councilcomplaints.workflow.Violation;

/** The cases list (filters, keyset paging, find by reference), the case page and its actions, and my cases. */
@Controller
class CasesController {

    private static final int PAGE = 25;
    private static final Set<StatusBucket> OPEN =
            EnumSet.of(StatusBucket.UNALLOCATED, StatusBucket.WITH_COMPLAINTS_TEAM, StatusBucket.WITH_SERVICE);

    private final Complaints complaints;
    private final AppProperties properties;
    private final AccessLog accessLog;

    CasesController(Complaints complaints, AppProperties properties, AccessLog accessLog) {
        this.complaints = complaints;
        this.properties = properties;
        this.accessLog = accessLog;
    }

    @GetMapping("/cases")
    String list(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String procedure, @RequestParam(defaultValue = "") String serviceArea,
            @RequestParam(defaultValue = "") String officer, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam Optional<String> after, Authentication auth, Model model) {
        Viewer viewer = Viewer.of(auth, properties);
        if (!reference.isBlank()) {
            Optional<Complaint> found = ComplaintQuery.canMatch(reference.strip())
                    ? complaints.findByReference(reference.strip()).filter(c -> viewer.maySee(c.procedure()))
                    : Optional.empty();
            if (found.isPresent()) {
                return "redirect:/cases/" + found.get().id().value();
            }
            model.addAttribute("notFound", reference.strip());
        }
        Procedure[] procedures = procedure.isBlank() ? viewer.visibleProcedures()
                : viewer.maySee(Procedure.valueOf(procedure)) ? new Procedure[] {Procedure.valueOf(procedure)}
                : new Procedure[0];
        Optional<uk.councilcomplaints.model.ServiceArea> area = ServiceAreas.byCode(serviceArea);
        String token = after.filter(t -> !t.isBlank()).orElse(null);
        if (overdue) {
            ClockQuery.Builder q = ClockQuery.running().breachedAt(complaints.clock().instant())
                    .procedure(procedures).limit(PAGE);
            area.ifPresent(q::serviceArea);
            if (!status.isBlank()) {
                q.status(Status.valueOf(status));
            }
            if (!officer.isBlank()) {
                q.officer(officer.strip());
            }
            if (token != null) {
                q.after(ClockCursor.parse(token));
            }
            ClockPage page = procedures.length == 0 ? ClockPage.of(List.of(), PAGE) : complaints.queues().find(q.build());
            Instant now = complaints.clock().instant();
            model.addAttribute("clocks", page.items().stream().map(c -> ClockRow.of(c, now)).toList());
            model.addAttribute("next", page.next().map(ClockCursor::token).orElse(null));
        } else {
            ComplaintQuery.Builder q = ComplaintQuery.builder().procedure(procedures).limit(PAGE);
            area.ifPresent(q::serviceArea);
            if (!status.isBlank()) {
                q.status(Status.valueOf(status));
            }
            if (!officer.isBlank()) {
                q.officer(officer.strip());
            }
            if (token != null) {
                q.after(Cursor.parse(token));
            }
            Page<Complaint> page = procedures.length == 0 ? new Page<>(List.of(), Optional.empty())
                    : complaints.find(q.build());
            model.addAttribute("cases", page.items());
            model.addAttribute("next", page.next().map(Cursor::token).orElse(null));
        }
        model.addAttribute("filter", Map.of("reference", reference, "status", status, "procedure", procedure,
                "serviceArea", serviceArea, "officer", officer, "overdue", overdue));
        model.addAttribute("statuses", Status.values());
        model.addAttribute("procedures", List.of(viewer.visibleProcedures()));
        model.addAttribute("serviceAreas", ServiceAreas.ALL);
        return "cases";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable String id, Authentication auth, Model model) {
        Viewer viewer = Viewer.of(auth, properties);
        Complaint c = viewer.check(complaints.get(ComplaintId.parse(id)));
        return page(viewer, c, model);
    }

    @PostMapping("/cases/{id}/{action}")
    String act(@PathVariable String id, @PathVariable String action, @RequestParam Map<String, String> fields,
            Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Viewer viewer = Viewer.of(auth, properties);
        if (!viewer.worksCases()) {
            // the contact centre may post /cases/{id}/triage, for the queue's decisions only
            throw new AccessDeniedException("Only officers and managers work cases");
        }
        Complaint c = viewer.check(complaints.get(ComplaintId.parse(id)));
        CaseAction a = CaseAction.bySlug(action).orElseThrow(() -> new IllegalArgumentException("no such action"));
        long version = Long.parseLong(fields.getOrDefault("version", "-1"));
        String reason = fields.getOrDefault("reason", "").strip();
        Audit audit = reason.isEmpty() ? Audit.by(auth.getName()) : Audit.by(auth.getName()).because(reason);
        FieldErrors errors = new FieldErrors();
        try {
            Complaint after = complaints.execute(c.id(), version, a.command(fields), audit);
            redirect.addFlashAttribute("success", a.label() + ": saved. The case is now "
                    + after.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + ".");
            return "redirect:/cases/" + c.id().value();
        } catch (VersionConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", true);
        } catch (CaseAction.FieldProblem e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors.add(a.slug() + "-" + e.field(), e.getMessage());
        } catch (InvalidCommandException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            for (Violation v : e.violations()) {
                errors.add(a.slug() + "-" + field(a, v.path()), sentence(v));
            }
        } catch (CommandRejectedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("pendingAction", a);
        model.addAttribute("pending", fields);
        model.addAttribute("errors", errors);
        return page(viewer, complaints.get(c.id()), model);
    }

    @GetMapping("/my-cases")
    String mine(Authentication auth, Model model) {
        Viewer viewer = Viewer.of(auth, properties);
        Instant now = complaints.clock().instant();
        Page<Complaint> caseload = complaints.find(ComplaintQuery.builder().officer(viewer.username())
                .buckets(OPEN).procedure(viewer.visibleProcedures()).limit(200).build());
        List<ClockRow> overdue = complaints.queues().all(ClockQuery.running().officer(viewer.username())
                        .breachedAt(now).procedure(viewer.visibleProcedures()).build())
                .stream().map(c -> ClockRow.of(c, now)).toList();
        List<ClockRow> atRisk = complaints.queues().all(ClockQuery.running().officer(viewer.username())
                        .atRiskBy(now).procedure(viewer.visibleProcedures()).build())
                .stream().map(c -> ClockRow.of(c, now)).filter(r -> r.tag().equals("At risk")).toList();
        model.addAttribute("caseload", caseload.items());
        model.addAttribute("more", caseload.next().isPresent());
        model.addAttribute("overdue", overdue);
        model.addAttribute("atRisk", atRisk);
        return "my-cases";
    }

    private String page(Viewer viewer, Complaint c, Model model) {
        Instant now = complaints.clock().instant();
        List<ComplaintEvent> history = complaints.history(c.id());
        model.addAttribute("case", c);
        model.addAttribute("history", history);
        // the clocks from the history just read, not a second read of it
        model.addAttribute("clocks", complaints.sla().evaluate(new ComplaintHistory(history), now)
                .map(s -> s.clocks()).orElse(List.of()));
        model.addAttribute("stretchReason", stretchReason(history));
        model.addAttribute("actions", CaseAction.allowed(complaints.allowedNow(c.id())));
        CaseRecord record = CaseRecord.of(history);
        model.addAttribute("record", record);
        model.addAttribute("today", LocalDate.now(complaints.clock().withZone(java.time.ZoneId.of("Europe/London"))));
        model.addAttribute("themes", complaints.themes());
        model.addAttribute("exclusions", Exclusion.values());
        model.addAttribute("decisions", OmbudsmanDecision.values());
        model.addAttribute("serviceAreas", ServiceAreas.ALL);
        model.addAttribute("openLearningActions",
                record.learningActions().stream().filter(l -> l.doneOn().isEmpty()).toList());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("remedies", Remedy.values());
        model.addAttribute("closureReasons", List.of(ClosureReason.WITHDRAWN, ClosureReason.OUT_OF_TIME));
        model.addAttribute("classifications",
                List.of(Classification.SERVICE_REQUEST, Classification.NOT_COUNCIL_COMPLAINT));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FieldErrors());
        }
        if (!model.containsAttribute("pending")) {
            model.addAttribute("pending", Map.of());
        }
        if (viewer.seesPersonalData() && !c.personalDataErased()) {
            complaints.personalData(c.id()).ifPresent(p -> {
                model.addAttribute("personal", p);
                accessLog.viewed(viewer, c);
            });
        }
        return "case";
    }

    /** The reason given for the latest extension or agreed date, shown beside the clock it stretched. */
    private static String stretchReason(List<ComplaintEvent> history) {
        List<ComplaintEvent> reversed = new ArrayList<>(history);
        java.util.Collections.reverse(reversed);
        for (ComplaintEvent e : reversed) {
            if (e.data().type() == EventType.EXTENDED || e.data().type() == EventType.RESPONSE_DATE_AGREED) {
                return e.reason().orElse("");
            }
        }
        return "";
    }

    /** The form field of a command's field, where its error shows. */
    private static String field(CaseAction action, String path) {
        String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return switch (top) {
            case "workingDays" -> "workingDays";
            case "date" -> "agreedDateDay";
            case "remediesDue" -> "remediesDueDay";
            case "due" -> "dueDay";
            case "day" -> action == CaseAction.RECORD_OMBUDSMAN_COMPLIANCE ? "compliedOnDay" : "doneOnDay";
            case "remedies" -> "remedies";
            case "officer", "team", "outcome", "exclusion", "themes", "decision", "payment", "action", "service",
                    "owner", "number", "evidence" -> top;
            default -> "reason";
        };
    }

    /** The library's message about a field, opening with the field's name in words. */
    private static String sentence(Violation v) {
        String p = v.path().contains(".") ? v.path().substring(0, v.path().indexOf('.')) : v.path();
        String name = switch (p) {
            case "remediesDue" -> "Remedies due";
            case "workingDays" -> "Working days";
            case "day" -> "The date";
            case "due" -> "The due date";
            case "number" -> "The learning action";
            case "action" -> "The action";
            default -> Character.toUpperCase(p.charAt(0)) + p.substring(1);
        };
        String message = v.message().replace("FINANCIAL_REMEDY", "financial remedy");
        for (OmbudsmanDecision d : OmbudsmanDecision.values()) {
            message = message.replace("(" + d.name() + ")", "(the decision was " + d.label().toLowerCase(
                    java.util.Locale.ROOT) + ")");
        }
        return name + " " + message;
    }

}
