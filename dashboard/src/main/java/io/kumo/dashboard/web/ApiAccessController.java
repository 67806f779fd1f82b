package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.AppCredential;
import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Identity;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API access: the project's endpoints, and application credentials for tools such as Jenkins — a new one is
 * shown once, its secret inside a ready {@code clouds.yaml} entry to copy.
 */
@Controller
class ApiAccessController {

    private static final Map<String, String[]> FIELDS = Map.of("name", new String[] {"name", "duplicate",
            "exists"});

    private final Identity identity;

    ApiAccessController(Identity identity) {
        this.identity = identity;
    }

    record CredentialForm(String name, String description) {
    }

    @GetMapping("/api-access")
    String page(@AuthenticationPrincipal CloudSession session, Model model) {
        return show(session, new CredentialForm("jenkins", ""), model);
    }

    @PostMapping("/api-access/credentials")
    String create(@AuthenticationPrincipal CloudSession session, CredentialForm form, Model model) {
        try {
            AppCredential created = identity.createAppCredential(session, form.name(), form.description());
            model.addAttribute("created", created);
            model.addAttribute("cloudsYaml", CloudsYaml.forCredential(session, created));
            return show(session, new CredentialForm("", ""), model);
        } catch (CloudError refused) {
            FormErrors.show(model, refused, FIELDS);
            return show(session, form, model);
        }
    }

    @PostMapping("/api-access/credentials/{id}/delete")
    String delete(@AuthenticationPrincipal CloudSession session, @PathVariable String id,
            RedirectAttributes redirect) {
        Changes.run(redirect, "Deleted the application credential.", () -> identity.deleteAppCredential(session,
                id));
        return "redirect:/api-access";
    }

    private String show(CloudSession session, CredentialForm form, Model model) {
        model.addAttribute("page", "api-access");
        model.addAttribute("form", form);
        model.addAttribute("endpoints", new TreeMap<>(session.endpoints()));
        model.addAttribute("credentials", identity.appCredentials(session));
        return "api-access";
    }
}
