package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.AuditPage;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Identity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Operators: the projects, the users, who has which role on which project, the limits, and the audit log with its
 * filters, a page at a time.
 */
@Controller
class AccessController {

    static final int AUDIT_PAGE = 50;
    private static final String[] AUDIT_FILTERS = {"service", "action", "outcome", "actor_user_id",
        "actor_project_id", "target_id", "since", "until"};

    private final Identity identity;

    AccessController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/admin/access")
    String access(@AuthenticationPrincipal CloudSession session, Model model) {
        model.addAttribute("page", "access");
        model.addAttribute("projects", identity.projects(session));
        model.addAttribute("users", identity.users(session));
        model.addAttribute("assignments", identity.roleAssignments(session));
        model.addAttribute("limits", identity.limits(session));
        return "access";
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal CloudSession session, @RequestParam Map<String, String> params,
            Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : AUDIT_FILTERS) {
            filters.put(name, params.getOrDefault(name, ""));
        }
        AuditPage events = identity.audit(session, filters, params.get("marker"), AUDIT_PAGE);
        model.addAttribute("page", "audit");
        model.addAttribute("filters", filters);
        model.addAttribute("events", events);
        return "audit";
    }
}
