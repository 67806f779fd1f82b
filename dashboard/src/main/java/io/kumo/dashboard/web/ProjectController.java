package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Keystone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Switching to another of the user's projects: a token scoped to it replaces the session's. */
@Controller
class ProjectController {

    private final Keystone keystone;
    private final SignedIn signedIn;

    ProjectController(Keystone keystone, SignedIn signedIn) {
        this.keystone = keystone;
        this.signedIn = signedIn;
    }

    @PostMapping("/project")
    String switchTo(@AuthenticationPrincipal CloudSession session, @RequestParam String projectId,
            HttpServletRequest request, HttpServletResponse response) {
        signedIn.keep(keystone.scope(session, projectId), request, response, false);
        return "redirect:/";
    }
}
