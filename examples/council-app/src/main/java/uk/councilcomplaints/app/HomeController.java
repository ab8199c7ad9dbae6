package uk.councilcomplaints.app;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, each role's start page, and the manager's access log. */
@Controller
class HomeController {

    private final AppProperties properties;
    private final AccessLog accessLog;

    HomeController(AppProperties properties, AccessLog accessLog) {
        this.properties = properties;
        this.accessLog = accessLog;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("loginError", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "login";
    }

    @GetMapping("/")
    String home(Authentication auth) {
        Viewer viewer = Viewer.of(auth, properties);
        if (viewer.isManager()) {
            return "redirect:/cases";
        }
        return viewer.is(Role.OFFICER) ? "redirect:/my-cases" : "redirect:/triage";
    }

    @GetMapping("/access-log")
    String accessLog(Model model) {
        model.addAttribute("views", accessLog.latest(200));
        return "access-log";
    }
}
