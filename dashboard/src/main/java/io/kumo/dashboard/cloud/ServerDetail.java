package io.kumo.dashboard.cloud;

import java.util.List;

/**
 * One server as its page shows it: what it is, where it is reachable, its volumes and, when it failed, Nova's
 * fault (whose message carries the scheduler's reason when no host could take it).
 *
 * @param host the compute host (shown to admins only: Nova hides it from members)
 */
public record ServerDetail(String id, String name, String status, String taskState, String powerState,
        List<String> addresses, String flavor, String image, String keyName, String created, String updated,
        String host, String faultMessage, String faultDetails, List<String> volumeIds) {

    public ServerDetail {
        addresses = List.copyOf(addresses);
        volumeIds = List.copyOf(volumeIds);
    }

    public boolean changing() {
        return "BUILD".equals(status) || taskState != null;
    }

    public boolean running() {
        return "ACTIVE".equals(status);
    }

    public boolean stopped() {
        return "SHUTOFF".equals(status);
    }
}
