package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header needs the signed-in user ({@code me}: their name, project, projects and roles). */
@ControllerAdvice
class CurrentUser {

    @ModelAttribute("me")
    CloudSession me(@AuthenticationPrincipal CloudSession session) {
        return session;
    }
}
