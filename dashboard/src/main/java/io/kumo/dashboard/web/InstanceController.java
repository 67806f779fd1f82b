package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.Images;
import io.kumo.dashboard.cloud.ServerDetail;
import io.kumo.dashboard.cloud.VolumeRow;
import io.kumo.dashboard.cloud.Volumes;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One instance: its state (refreshed while it changes), addresses, volumes, history (who did what, when), and
 * when it failed Nova's fault with the scheduler's reason; its console log; and the actions on it — start,
 * stop, reboot, rebuild, delete, attach and detach a volume. Another project's instance is Nova's 404.
 */
@Controller
class InstanceController {

    private final Compute compute;
    private final Volumes volumes;
    private final Images images;

    InstanceController(Compute compute, Volumes volumes, Images images) {
        this.compute = compute;
        this.volumes = volumes;
        this.images = images;
    }

    @GetMapping("/instances/{id}")
    String instance(@AuthenticationPrincipal CloudSession session, @PathVariable String id, Model model) {
        ServerDetail server = compute.server(session, id);
        model.addAttribute("page", "instances");
        model.addAttribute("server", server);
        model.addAttribute("imageName", imageName(session, server));
        model.addAttribute("actions", compute.actions(session, id));
        try {
            List<VolumeRow> all = volumes.volumes(session);
            model.addAttribute("attached", all.stream().filter(v -> server.volumeIds().contains(v.id())).toList());
            model.addAttribute("attachable", all.stream().filter(VolumeRow::available).toList());
        } catch (CloudError e) {
            if (e.sessionEnded()) {
                throw e;
            }
            model.addAttribute("attached", List.of());
            model.addAttribute("attachable", List.of());
            model.addAttribute("volumesUnavailable", e.unreachable() ? "Volumes are unavailable right now."
                    : e.getMessage());
        }
        return "instance";
    }

    /**
     * The state part of the page alone (status, addresses, fault, the buttons the state allows), which the page
     * fetches again every few seconds while the instance changes: one call to Nova, nothing else.
     */
    @GetMapping("/instances/{id}/state")
    String state(@AuthenticationPrincipal CloudSession session, @PathVariable String id, Model model) {
        model.addAttribute("server", compute.server(session, id));
        return "instance :: state";
    }

    @GetMapping("/instances/{id}/console")
    String console(@AuthenticationPrincipal CloudSession session, @PathVariable String id, Model model) {
        model.addAttribute("page", "instances");
        model.addAttribute("server", compute.server(session, id));
        model.addAttribute("log", compute.consoleLog(session, id));
        return "console";
    }

    @PostMapping("/instances/{id}/start")
    String start(@AuthenticationPrincipal CloudSession session, @PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, "Starting.", () -> compute.act(session, id, "os-start"));
    }

    @PostMapping("/instances/{id}/stop")
    String stop(@AuthenticationPrincipal CloudSession session, @PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, "Stopping.", () -> compute.act(session, id, "os-stop"));
    }

    @PostMapping("/instances/{id}/reboot")
    String reboot(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean hard, RedirectAttributes redirect) {
        return act(id, redirect, hard ? "Rebooting (hard)." : "Rebooting.", () -> compute.reboot(session, id,
                hard));
    }

    /** Reinstalls the instance from its own image: its disk is lost, its addresses and volumes stay. */
    @PostMapping("/instances/{id}/rebuild")
    String rebuild(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        return act(id, redirect, "Rebuilding.", () -> {
            String image = compute.server(session, id).image();
            if (image == null) {
                throw new CloudError(400, "This instance boots from a volume: there is no image to rebuild it from.");
            }
            compute.rebuild(session, id, image);
        });
    }

    @PostMapping("/instances/{id}/delete")
    String delete(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        String name = compute.server(session, id).name();
        compute.delete(session, id);
        redirect.addFlashAttribute("notice", "Deleting " + name + ".");
        return "redirect:/instances";
    }

    @PostMapping("/instances/{id}/volumes")
    String attach(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            @RequestParam(defaultValue = "") String volumeId, RedirectAttributes redirect) {
        if (volumeId.isBlank()) {
            redirect.addFlashAttribute("attachError", "Choose a volume to attach.");
            return "redirect:/instances/" + id;
        }
        try {
            compute.attachVolume(session, id, volumeId);
            redirect.addFlashAttribute("notice", "Attaching the volume.");
        } catch (CloudError refused) {
            String message = refused.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (refused.status() == 404 && message.contains("instance")) {
                throw refused;
            }
            redirect.addFlashAttribute("attachError", refused.unreachable() ? "Compute cannot be reached right now."
                    : refused.getMessage());
            redirect.addFlashAttribute("volumeId", volumeId);
        }
        return "redirect:/instances/" + id;
    }

    @PostMapping("/instances/{id}/volumes/{volumeId}/detach")
    String detach(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            @PathVariable String volumeId, RedirectAttributes redirect) {
        return act(id, redirect, "Detaching the volume.", () -> compute.detachVolume(session, id, volumeId));
    }

    private String imageName(CloudSession session, ServerDetail server) {
        if (server.image() == null) {
            return null;
        }
        try {
            return images.nameOf(session, server.image());
        } catch (CloudError e) {
            return null; // the id is shown instead
        }
    }

    private static String act(String id, RedirectAttributes redirect, String notice, Runnable action) {
        Changes.run(redirect, notice, action);
        return "redirect:/instances/" + id;
    }
}
