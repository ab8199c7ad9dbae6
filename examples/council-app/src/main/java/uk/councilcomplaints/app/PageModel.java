package uk.councilcomplaints.app;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.councilcomplaints.workflow.Complaints;

/** What every page's layout shows: the council, the signed-in user, whether the data is for demonstration. */
@ControllerAdvice
class PageModel {

    private final AppProperties properties;
    private final Complaints complaints;

    PageModel(AppProperties properties, Complaints complaints) {
        this.properties = properties;
        this.complaints = complaints;
    }

    @ModelAttribute("councilName")
    String councilName() {
        return properties.getCouncilName();
    }

    @ModelAttribute("demoData")
    boolean demoData() {
        return properties.isDemoData();
    }

    @ModelAttribute("viewer")
    Viewer viewer(Authentication auth) {
        return auth == null || auth instanceof AnonymousAuthenticationToken ? null : Viewer.of(auth, properties);
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return new Formats(complaints.clock());
    }
}
