package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudError;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * Puts a service's refusal of a form next to the field it is about. The services name the field in their
 * message ("Invalid input for field/attribute name", "Flavor ... could not be found", "Invalid input for size");
 * the first field whose words occur in the message gets it, else it is shown above the form. An expired token is
 * no refusal of the form: it goes on to {@link CloudErrors}.
 */
final class FormErrors {

    private FormErrors() {
    }

    /**
     * Adds {@code fieldErrors} (field to message) and, when no field matched, {@code formError} to the model.
     *
     * @param fields field name to the words (lower case) a message about it contains, in order of precedence
     */
    static void show(Model model, CloudError error, Map<String, String[]> fields) {
        if (error.sessionEnded()) {
            throw error; // not the form's fault: CloudErrors sends the user to log in
        }
        String message = error.unreachable() ? "The service cannot be reached right now; try again in a moment."
                : error.getMessage();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        String lower = message.toLowerCase(Locale.ROOT);
        if (!error.unreachable()) {
            for (Map.Entry<String, String[]> field : fields.entrySet()) {
                for (String word : field.getValue()) {
                    if (lower.contains(word)) {
                        fieldErrors.put(field.getKey(), message);
                        break;
                    }
                }
                if (!fieldErrors.isEmpty()) {
                    break;
                }
            }
        }
        model.addAttribute("fieldErrors", fieldErrors);
        if (fieldErrors.isEmpty()) {
            model.addAttribute("formError", message);
        }
    }

    /** A field error the dashboard finds itself (a required field left blank). */
    static void blank(Model model, String field, String message) {
        model.addAttribute("fieldErrors", Map.of(field, message));
    }
}
