package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.Networks;
import io.kumo.dashboard.cloud.Quota;
import io.kumo.dashboard.cloud.Volumes;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The project's overview: what it uses of its quotas, per service; a service out of reach says so. */
@Controller
class OverviewController {

    private final Compute compute;
    private final Volumes volumes;
    private final Networks networks;

    OverviewController(Compute compute, Volumes volumes, Networks networks) {
        this.compute = compute;
        this.volumes = volumes;
        this.networks = networks;
    }

    /** One service's quotas, or why they cannot be shown. */
    record Section(String title, List<Quota> quotas, String unavailable) {
    }

    @GetMapping("/")
    String overview(@AuthenticationPrincipal CloudSession session, Model model) {
        model.addAttribute("page", "overview");
        model.addAttribute("sections", List.of(section("Compute", session, compute::quotas),
                section("Volumes", session, volumes::quotas), section("Network", session, networks::quotas)));
        return "overview";
    }

    private static Section section(String title, CloudSession session, Function<CloudSession, List<Quota>> read) {
        try {
            return new Section(title, read.apply(session), null);
        } catch (CloudError e) {
            if (e.sessionEnded()) {
                throw e; // the session has ended: CloudErrors sends the user to the login form
            }
            return new Section(title, List.of(), e.unreachable() ? title + " is unavailable right now."
                    : e.getMessage());
        }
    }
}
