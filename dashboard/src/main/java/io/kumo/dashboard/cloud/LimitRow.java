package io.kumo.dashboard.cloud;

import java.util.Map;

/**
 * A resource's limit in Keystone's unified limits: the default every project gets (a registered limit) and the
 * projects that have their own (project name or id to limit).
 */
public record LimitRow(String service, String resource, long defaultLimit, Map<String, Long> projects) {

    public LimitRow {
        projects = Map.copyOf(projects);
    }
}
