package uk.councilcomplaints.app;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.InvalidCommandException;
import uk.councilcomplaints.workflow.ReceiveContact;
import uk.councilcomplaints.workflow.Violation;

/** Record a contact: the form, and its errors from the library's validation, field by field. */
@Controller
@RequestMapping("/contacts")
class ContactController {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The library's violation paths and the form's fields. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("reference", "reference"), Map.entry("procedure", "procedure"),
            Map.entry("serviceArea", "serviceArea"), Map.entry("channel", "channel"),
            Map.entry("receivedAt", "receivedDay"), Map.entry("matterDate", "matterDay"),
            Map.entry("complainant.name", "name"), Map.entry("complainant.email", "email"),
            Map.entry("complainant.phone", "phone"), Map.entry("complainant.address", "address"),
            Map.entry("summary", "summary"), Map.entry("reason", "lateReason"));
    private static final List<String> ORDER = List.of("procedure", "serviceArea", "channel",
            "receivedDay", "receivedTime", "lateReason", "matterDay", "name", "email", "phone", "address", "summary",
            "reference");

    private final Complaints complaints;
    private final AppProperties properties;

    ContactController(Complaints complaints, AppProperties properties) {
        this.complaints = complaints;
        this.properties = properties;
    }

    @GetMapping("/new")
    String form(Model model) {
        ContactForm form = new ContactForm();
        LocalDate today = LocalDate.now(complaints.clock().withZone(LONDON));
        form.setReceivedDay(String.valueOf(today.getDayOfMonth()));
        form.setReceivedMonth(String.valueOf(today.getMonthValue()));
        form.setReceivedYear(String.valueOf(today.getYear()));
        form.setReceivedTime(LocalTime.now(complaints.clock().withZone(LONDON)).withSecond(0).withNano(0).toString());
        return show(model, form, new FieldErrors());
    }

    @PostMapping("/new")
    String record(@ModelAttribute("form") ContactForm form, Authentication auth, Model model,
            RedirectAttributes redirect) {
        FieldErrors errors = new FieldErrors();
        Optional<ReceiveContact> command = parse(form, errors);
        if (command.isPresent()) {
            try {
                Audit audit = form.getLateReason().isBlank() ? Audit.by(auth.getName())
                        : Audit.by(auth.getName()).because(form.getLateReason().strip());
                Complaint c = complaints.receive(command.get(), audit);
                redirect.addFlashAttribute("success", "Contact " + c.reference() + " recorded");
                redirect.addFlashAttribute("successCase", c.id().value().toString());
                return "redirect:/triage";
            } catch (InvalidCommandException e) {
                for (Violation v : e.violations()) {
                    errors.add(FIELDS.getOrDefault(v.path(), "summary"), message(v));
                }
            } catch (DuplicateReferenceException e) {
                errors.add("reference", "Reference " + command.get().reference().orElse("")
                        + " is already used by another case: enter a different one, or leave it empty");
            }
        }
        return show(model, form, sorted(errors));
    }

    private String show(Model model, ContactForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("procedures", Procedure.values());
        model.addAttribute("serviceAreas", ServiceAreas.ALL);
        model.addAttribute("channels", Channel.values());
        return "contact";
    }

    /** The command, or the fields that cannot even be read (bad dates, nothing chosen). */
    private Optional<ReceiveContact> parse(ContactForm f, FieldErrors errors) {
        Procedure procedure = null;
        if (f.getProcedure().isBlank()) {
            errors.add("procedure", "Select the procedure the complaint appears to fall under");
        } else {
            procedure = Procedure.valueOf(f.getProcedure());
        }
        ServiceArea area = ServiceAreas.byCode(f.getServiceArea()).orElse(null);
        if (area == null) {
            errors.add("serviceArea", "Select the service the complaint is about");
        }
        Channel channel = null;
        if (f.getChannel().isBlank()) {
            errors.add("channel", "Select how the contact arrived");
        } else {
            channel = Channel.valueOf(f.getChannel());
        }
        Instant received = null;
        Optional<LocalDate> receivedDay = DateFields.parse(f.getReceivedDay(), f.getReceivedMonth(), f.getReceivedYear());
        if (receivedDay.isEmpty()) {
            errors.add("receivedDay", "Date received must be a real date, like 27 3 2026");
        } else {
            try {
                LocalTime time = f.getReceivedTime().isBlank() ? LocalTime.NOON
                        : LocalTime.parse(f.getReceivedTime().trim());
                received = receivedDay.get().atTime(time).atZone(LONDON).toInstant();
            } catch (DateTimeException e) {
                errors.add("receivedTime", "Time received must be a time on the 24-hour clock, like 14:30");
            }
        }
        Optional<LocalDate> matter = Optional.empty();
        if (!(f.getMatterDay() + f.getMatterMonth() + f.getMatterYear()).isBlank()) {
            matter = DateFields.parse(f.getMatterDay(), f.getMatterMonth(), f.getMatterYear());
            if (matter.isEmpty()) {
                errors.add("matterDay", "Date of the matter must be a real date, like 27 3 2026");
            }
        }
        if (errors.any()) {
            return Optional.empty();
        }
        Complainant who = new Complainant(f.getName().strip(), optional(f.getEmail()), optional(f.getPhone()),
                optional(f.getAddress()));
        return Optional.of(new ReceiveContact(optional(f.getReference()), procedure, area, channel, received,
                matter, who, f.getSummary()));
    }


    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** The library's message, as a sentence naming the field. */
    private static String message(Violation v) {
        String field = switch (v.path()) {
            case "complainant.name" -> "Name";
            case "complainant.email" -> "Email address";
            case "complainant.phone" -> "Phone number";
            case "complainant.address" -> "Address";
            case "receivedAt" -> "Date received";
            case "matterDate" -> "Date of the matter";
            case "reason" -> "Why it is recorded late";
            case "serviceArea" -> "Service";
            default -> Character.toUpperCase(v.path().charAt(0)) + v.path().substring(1).toLowerCase(Locale.ROOT);
        };
        return field + " " + v.message();
    }

    private static FieldErrors sorted(FieldErrors errors) {
        FieldErrors out = new FieldErrors();
        List<String> fields = new ArrayList<>(errors.all().keySet());
        fields.sort((a, b) -> Integer.compare(index(a), index(b)));
        fields.forEach(f -> out.add(f, errors.get(f)));
        return out;
    }

    private static int index(String field) {
        int i = ORDER.indexOf(field);
        return i < 0 ? ORDER.size() : i;
    }
}
