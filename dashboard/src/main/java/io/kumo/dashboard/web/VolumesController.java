package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.VolumeRow;
import io.kumo.dashboard.cloud.Volumes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The project's volumes and snapshots: create (blank or from a snapshot), snapshot, delete. */
@Controller
class VolumesController {

    private static final Map<String, String[]> FIELDS = Map.of("size", new String[] {"size", "gigabytes", "quota"},
            "name", new String[] {"name"});

    private static final int PAGE_SIZE = 20;

    private final Volumes volumes;
    private final Compute compute;

    VolumesController(Volumes volumes, Compute compute) {
        this.volumes = volumes;
        this.compute = compute;
    }

    /** What the create form was sent with, kept when Cinder refuses it. */
    record VolumeForm(String name, String size, String snapshotId) {
    }

    @GetMapping("/volumes")
    String list(@AuthenticationPrincipal CloudSession session, @RequestParam(defaultValue = "1") int page,
            Model model) {
        return show(session, page, new VolumeForm("", "1", ""), model);
    }

    @PostMapping("/volumes")
    String create(@AuthenticationPrincipal CloudSession session, VolumeForm form, Model model,
            RedirectAttributes redirect) {
        try {
            volumes.create(session, form.name(), form.size(), form.snapshotId());
            redirect.addFlashAttribute("notice", "Creating volume " + Objects.toString(form.name(), "").strip() + ".");
            return "redirect:/volumes";
        } catch (CloudError refused) {
            FormErrors.show(model, refused, FIELDS);
            return show(session, 1, form, model);
        }
    }

    @PostMapping("/volumes/{id}/delete")
    String delete(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        return change(redirect, "Deleting the volume.", () -> volumes.delete(session, id));
    }

    @PostMapping("/volumes/{id}/snapshots")
    String snapshot(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        return change(redirect, "Taking snapshot " + name.strip() + ".", () -> volumes.snapshot(session, id, name));
    }

    @PostMapping("/snapshots/{id}/delete")
    String deleteSnapshot(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        return change(redirect, "Deleting the snapshot.", () -> volumes.deleteSnapshot(session, id));
    }

    private String show(CloudSession session, int page, VolumeForm form, Model model) {
        Paging<VolumeRow> paging = Paging.of(volumes.volumes(session), page, PAGE_SIZE);
        List<VolumeRow> rows = paging.items();
        model.addAttribute("page", "volumes");
        model.addAttribute("form", form);
        model.addAttribute("paging", paging);
        model.addAttribute("volumes", rows);
        model.addAttribute("snapshots", volumes.snapshots(session));
        model.addAttribute("serverNames", serverNames(session));
        return "volumes";
    }

    private Map<String, String> serverNames(CloudSession session) {
        Map<String, String> names = new HashMap<>();
        try {
            compute.servers(session, false).forEach(s -> names.put(s.id(), s.name()));
        } catch (CloudError e) {
            // the ids are shown instead
        }
        return names;
    }

    private static String change(RedirectAttributes redirect, String notice, Runnable change) {
        Changes.run(redirect, notice, change);
        return "redirect:/volumes";
    }
}
