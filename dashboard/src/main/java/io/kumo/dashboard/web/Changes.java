package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A button's change (start an instance, delete a volume, ...): on success the next page says what is under way;
 * a service's refusal (a 409 for the wrong state, a 400 for a volume in use, a 403) is shown on the page the user
 * is sent back to. A 404, an expired token or a service out of reach go to {@link CloudErrors}.
 */
final class Changes {

    private Changes() {
    }

    static void run(RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (CloudError refused) {
            if (refused.status() == 404 || refused.sessionEnded() || refused.unreachable()) {
                throw refused;
            }
            redirect.addFlashAttribute("actionError", refused.getMessage());
        }
    }
}
