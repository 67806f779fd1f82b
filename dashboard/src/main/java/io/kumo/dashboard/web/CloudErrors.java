package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A service's refusal the page did not handle itself: a page saying what the service said, with its status
 * (a service out of reach is a 503) — never a 500. A 401 means the token expired or was revoked: the session
 * ends and the user logs in again.
 */
@ControllerAdvice
class CloudErrors {

    @ExceptionHandler(CloudError.class)
    String refused(CloudError error, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (error.sessionEnded()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/login";
        }
        response.setStatus(error.unreachable() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : error.status());
        model.addAttribute("message", error.unreachable() ? "A service this page needs cannot be reached; try again in"
                + " a moment." : error.getMessage());
        return "problem";
    }
}
