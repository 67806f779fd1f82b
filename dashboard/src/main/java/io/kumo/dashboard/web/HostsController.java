package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.ComputeAdmin;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operators: the compute hosts with their services' state (up/down, enabled/disabled) and their hypervisors'
 * usage; a host is taken out of scheduling (with a reason) and put back here.
 */
@Controller
class HostsController {

    private final ComputeAdmin admin;

    HostsController(ComputeAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/hosts")
    String hosts(@AuthenticationPrincipal CloudSession session, Model model) {
        model.addAttribute("page", "hosts");
        model.addAttribute("hosts", admin.hosts(session));
        return "hosts";
    }

    @PostMapping("/admin/hosts/{host}/disable")
    String disable(@AuthenticationPrincipal CloudSession session, @PathVariable String host,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Changes.run(redirect, "Disabled " + host + ": no new instances go there.", () -> admin.setEnabled(session,
                host, false, reason));
        return "redirect:/admin/hosts";
    }

    @PostMapping("/admin/hosts/{host}/enable")
    String enable(@AuthenticationPrincipal CloudSession session, @PathVariable String host,
            RedirectAttributes redirect) {
        Changes.run(redirect, "Enabled " + host + ".", () -> admin.setEnabled(session, host, true, null));
        return "redirect:/admin/hosts";
    }
}
