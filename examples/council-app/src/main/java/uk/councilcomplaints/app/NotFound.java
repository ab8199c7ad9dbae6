package uk.councilcomplaints.app;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import uk.councilcomplaints.workflow.ComplaintNotFoundException;

/** A case that does not exist, or an address that names none, is "Page not found". */
@ControllerAdvice
class NotFound {

    private final PageModel page;

    NotFound(PageModel page) {
        this.page = page;
    }

    @ExceptionHandler({ComplaintNotFoundException.class, IllegalArgumentException.class})
    String notFound(HttpServletResponse response, Authentication auth, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        // an exception handler's model is new: the layout's attributes are added here
        model.addAttribute("councilName", page.councilName());
        model.addAttribute("demoData", page.demoData());
        model.addAttribute("viewer", page.viewer(auth));
        model.addAttribute("fmt", page.formats());
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }
}
