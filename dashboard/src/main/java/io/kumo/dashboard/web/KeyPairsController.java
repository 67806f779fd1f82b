package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.KeyPair;
import io.kumo.dashboard.cloud.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's key pairs: import a public key, or generate a pair whose private key is the answer itself — a
 * download, the only time it is seen (the dashboard keeps no copy) — and delete.
 */
@Controller
class KeyPairsController {

    private static final Map<String, String[]> FIELDS = Map.of("publicKey", new String[] {"public key",
            "public_key", "fingerprint"}, "name", new String[] {"name", "exists"});

    private final KeyPairs keyPairs;

    KeyPairsController(KeyPairs keyPairs) {
        this.keyPairs = keyPairs;
    }

    record KeyPairForm(String name, String publicKey) {
    }

    @GetMapping("/key-pairs")
    String list(@AuthenticationPrincipal CloudSession session, Model model) {
        return show(session, new KeyPairForm("", ""), model);
    }

    /** Imports the public key; without one, generates the pair and answers with its private key as a file. */
    @PostMapping("/key-pairs")
    Object create(@AuthenticationPrincipal CloudSession session, KeyPairForm form, Model model,
            RedirectAttributes redirect) {
        try {
            KeyPair created = keyPairs.create(session, form.name(), form.publicKey());
            if (created.privateKey() == null) {
                redirect.addFlashAttribute("notice", "Imported key pair " + created.name() + ".");
                return "redirect:/key-pairs";
            }
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(created.name() + ".pem").build().toString()).header(HttpHeaders.CACHE_CONTROL,
                    "no-store").contentType(MediaType.parseMediaType("application/x-pem-file")).body(
                    created.privateKey().getBytes(StandardCharsets.US_ASCII));
        } catch (CloudError refused) {
            FormErrors.show(model, refused, FIELDS);
            return show(session, form, model);
        }
    }

    @PostMapping("/key-pairs/{name}/delete")
    String delete(@AuthenticationPrincipal CloudSession session, @PathVariable String name,
            RedirectAttributes redirect) {
        Changes.run(redirect, "Deleted key pair " + name + ".", () -> keyPairs.delete(session, name));
        return "redirect:/key-pairs";
    }

    private String show(CloudSession session, KeyPairForm form, Model model) {
        model.addAttribute("page", "key-pairs");
        model.addAttribute("form", form);
        model.addAttribute("keyPairs", keyPairs.list(session));
        return "key-pairs";
    }
}
