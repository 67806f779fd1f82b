package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.Images;
import io.kumo.dashboard.cloud.KeyPair;
import io.kumo.dashboard.cloud.KeyPairs;
import io.kumo.dashboard.cloud.Networks;
import io.kumo.dashboard.cloud.ServerLaunch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The launch form: name, image (a VM or a container image), flavor, network, key pair, user data and count.
 * Nova validates what was typed; its refusal is shown next to the field it names and the form keeps the input.
 */
@Controller
class LaunchController {

    private static final Map<String, String[]> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("count", new String[] {"min_count", "max_count", "count"});
        FIELDS.put("keyName", new String[] {"key pair", "keypair", "key_name"});
        FIELDS.put("userData", new String[] {"user_data", "user data"});
        FIELDS.put("flavorId", new String[] {"flavor"});
        FIELDS.put("imageId", new String[] {"image"});
        FIELDS.put("networkId", new String[] {"network", "port"});
        FIELDS.put("name", new String[] {"name"});
    }

    private final Compute compute;
    private final Images images;
    private final Networks networks;
    private final KeyPairs keyPairs;

    LaunchController(Compute compute, Images images, Networks networks, KeyPairs keyPairs) {
        this.compute = compute;
        this.images = images;
        this.networks = networks;
        this.keyPairs = keyPairs;
    }

    @GetMapping("/instances/new")
    String form(@AuthenticationPrincipal CloudSession session, Model model) {
        return show(session, new ServerLaunch("", "", "", "", "", "", "1"), model);
    }

    @PostMapping("/instances")
    String launch(@AuthenticationPrincipal CloudSession session, @ModelAttribute ServerLaunch form, Model model,
            RedirectAttributes redirect) {
        if (form.name() == null || form.name().isBlank()) {
            FormErrors.blank(model, "name", "Give the instance a name.");
            return show(session, form, model);
        }
        try {
            String id = compute.launch(session, form);
            redirect.addFlashAttribute("notice", "Launching " + form.name().strip() + ".");
            return "redirect:/instances/" + id;
        } catch (CloudError refused) {
            FormErrors.show(model, refused, FIELDS);
            return show(session, form, model);
        }
    }

    private String show(CloudSession session, ServerLaunch form, Model model) {
        model.addAttribute("page", "instances");
        model.addAttribute("form", form);
        model.addAttribute("images", images.images(session).stream().filter(i -> "active".equals(i.status()))
                .toList());
        model.addAttribute("flavors", compute.flavors(session));
        model.addAttribute("networks", networks.networks(session).stream().filter(n -> !n.external()).toList());
        model.addAttribute("keyPairs", keyPairs.list(session).stream().map(KeyPair::name).toList());
        return "launch";
    }
}
