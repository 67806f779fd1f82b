package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.ImageRow;
import io.kumo.dashboard.cloud.Images;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The images the project sees: upload one (the page shows the upload's progress), share one with another
 * project, delete one.
 */
@Controller
class ImagesController {

    private static final Map<String, String[]> FIELDS = Map.of("diskFormat", new String[] {"disk_format",
            "disk format"}, "file", new String[] {"data", "size", "checksum", "quota", "storage"}, "name",
            new String[] {"name"});

    private static final int PAGE_SIZE = 20;

    private final Images images;

    ImagesController(Images images) {
        this.images = images;
    }

    record ImageForm(String name, String diskFormat, String hypervisorType) {
    }

    @GetMapping("/images")
    String list(@AuthenticationPrincipal CloudSession session, @RequestParam(defaultValue = "1") int page,
            Model model) {
        return show(session, page, new ImageForm("", "qcow2", ""), model);
    }

    @PostMapping("/images")
    String upload(@AuthenticationPrincipal CloudSession session, ImageForm form,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            FormErrors.blank(model, "file", "Choose the image file to upload.");
            return show(session, 1, form, model);
        }
        try (InputStream data = file.getInputStream()) {
            images.upload(session, form.name(), form.diskFormat(), form.hypervisorType(), data, file.getSize());
            redirect.addFlashAttribute("notice", "Uploaded image " + Objects.toString(form.name(), "").strip() + ".");
            return "redirect:/images";
        } catch (CloudError refused) {
            FormErrors.show(model, refused, FIELDS);
            return show(session, 1, form, model);
        }
    }

    @PostMapping("/images/{id}/share")
    String share(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            @RequestParam(defaultValue = "") String projectId, RedirectAttributes redirect) {
        Changes.run(redirect, "Shared the image with project " + projectId.strip() + "; it accepts it on its side.",
                () -> images.share(session, id, projectId));
        return "redirect:/images";
    }

    @PostMapping("/images/{id}/delete")
    String delete(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        Changes.run(redirect, "Deleted the image.", () -> images.delete(session, id));
        return "redirect:/images";
    }

    private String show(CloudSession session, int page, ImageForm form, Model model) {
        model.addAttribute("page", "images");
        model.addAttribute("form", form);
        Paging<ImageRow> paging = Paging.of(images.images(session), page, PAGE_SIZE);
        model.addAttribute("paging", paging);
        model.addAttribute("images", paging.items());
        return "images";
    }
}
