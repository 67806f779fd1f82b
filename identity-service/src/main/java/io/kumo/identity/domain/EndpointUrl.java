package io.kumo.identity.domain;

/**
 * Endpoint URLs may name the project, as Cinder's {@code /v3/$(project_id)s}; Keystone substitutes
 * the token's project and leaves such endpoints out of catalogs without one.
 */
public final class EndpointUrl {

    private static final String[] PROJECT_PLACEHOLDERS = {"$(project_id)s", "%(project_id)s", "$(tenant_id)s",
            "%(tenant_id)s"};

    private EndpointUrl() {
    }

    public static boolean needsProject(String template) {
        for (String placeholder : PROJECT_PLACEHOLDERS) {
            if (template.contains(placeholder)) {
                return true;
            }
        }
        return false;
    }

    public static String forProject(String template, String projectId) {
        String url = template;
        for (String placeholder : PROJECT_PLACEHOLDERS) {
            url = url.replace(placeholder, projectId);
        }
        return url;
    }
}
