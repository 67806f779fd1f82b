package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudApi;
import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The project's instances. The table's rows are also served alone ({@code /instances/rows}), which the page
 * fetches again every few seconds while an instance is building or busy, so a status changes without a reload.
 */
@Controller
class InstancesController {

    private final CloudApi api;

    InstancesController(CloudApi api) {
        this.api = api;
    }

    @GetMapping("/instances")
    String instances(@AuthenticationPrincipal CloudSession session, Model model) {
        model.addAttribute("me", session);
        model.addAttribute("page", "instances");
        rows(session, model);
        return "instances";
    }

    @GetMapping("/instances/rows")
    String rows(@AuthenticationPrincipal CloudSession session, Model model) {
        try {
            List<CloudApi.ServerRow> servers = api.servers(session);
            model.addAttribute("servers", servers);
            model.addAttribute("changing", servers.stream().anyMatch(CloudApi.ServerRow::changing));
        } catch (CloudError e) {
            model.addAttribute("servers", List.of());
            model.addAttribute("changing", false);
            model.addAttribute("unavailable", e.unreachable() ? "Compute is unavailable right now." : e.getMessage());
        }
        return "instances :: rows";
    }
}
