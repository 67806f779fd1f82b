package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Keystone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Logging in with a domain, user name and password, as identity-service checks them: a wrong one shows
 * identity's own message and keeps what was typed (but the password).
 */
@Controller
class LoginController {

    private final Keystone keystone;
    private final SignedIn signedIn;

    LoginController(Keystone keystone, SignedIn signedIn) {
        this.keystone = keystone;
        this.signedIn = signedIn;
    }

    /** What the form sends. */
    record LoginForm(String domain, String user, String password) {
    }

    @GetMapping("/login")
    String form(Model model, @RequestParam(required = false) String logout) {
        model.addAttribute("form", new LoginForm("Default", "", ""));
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }

    @PostMapping("/login")
    String login(@ModelAttribute("form") LoginForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (blank(form.domain())) {
            missing.put("domain", "Enter the domain (Default unless your operator says otherwise).");
        }
        if (blank(form.user())) {
            missing.put("user", "Enter your user name.");
        }
        if (blank(form.password())) {
            missing.put("password", "Enter your password.");
        }
        if (!missing.isEmpty()) {
            return refused(model, response, form, missing, null, HttpServletResponse.SC_BAD_REQUEST);
        }
        CloudSession session;
        try {
            session = keystone.login(form.domain().strip(), form.user().strip(), form.password());
        } catch (CloudError e) {
            return refused(model, response, form, Map.of(), e.unreachable()
                    ? "The identity service cannot be reached; try again in a moment." : e.getMessage(),
                    e.unreachable() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : e.status());
        }
        signedIn.keep(session, request, response, true);
        return "redirect:/";
    }

    private static String refused(Model model, HttpServletResponse response, LoginForm form,
            Map<String, String> fieldErrors, String error, int status) {
        response.setStatus(status);
        model.addAttribute("form", new LoginForm(form.domain(), form.user(), ""));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("error", error);
        model.addAttribute("loggedOut", false);
        return "login";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
