package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.ServerRow;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The project's instances (an operator may list every project's), a page of {@value #PAGE_SIZE} at a time. The
 * table's rows are also served alone ({@code /instances/rows}), which the page fetches again every few seconds
 * while an instance is building or busy, so a status changes without a reload.
 */
@Controller
class InstancesController {

    static final int PAGE_SIZE = 20;

    private final Compute compute;

    InstancesController(Compute compute) {
        this.compute = compute;
    }

    @GetMapping("/instances")
    String instances(@AuthenticationPrincipal CloudSession session, @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("page", all ? "all-instances" : "instances");
        rows(session, all, page, model);
        return "instances";
    }

    @GetMapping("/instances/rows")
    String rows(@AuthenticationPrincipal CloudSession session, @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "1") int page, Model model) {
        boolean everyProject = all && session.admin();
        model.addAttribute("all", everyProject);
        try {
            List<ServerRow> servers = compute.servers(session, everyProject);
            Paging<ServerRow> paging = Paging.of(servers, page, PAGE_SIZE);
            model.addAttribute("servers", paging.items());
            model.addAttribute("paging", paging);
            model.addAttribute("changing", paging.items().stream().anyMatch(ServerRow::changing));
        } catch (CloudError e) {
            if (e.sessionEnded()) {
                throw e; // the session has ended: CloudErrors sends the user to the login form
            }
            model.addAttribute("servers", List.of());
            model.addAttribute("paging", Paging.of(List.of(), 1, PAGE_SIZE));
            model.addAttribute("changing", false);
            model.addAttribute("unavailable", e.unreachable() ? "Compute is unavailable right now." : e.getMessage());
        }
        return "instances :: rows";
    }
}
