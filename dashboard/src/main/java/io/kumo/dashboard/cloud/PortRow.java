package io.kumo.dashboard.cloud;

import java.util.List;

/** A port of the project: where it is (network, addresses, MAC) and what uses it (an instance, a router...). */
public record PortRow(String id, String name, String network, List<String> addresses, String macAddress,
        String status, String deviceOwner, String deviceId) {

    public PortRow {
        addresses = List.copyOf(addresses);
    }

    /** The instance using it, when an instance does (Nova's ports are owned by {@code compute:<zone>}). */
    public boolean onInstance() {
        return deviceOwner != null && deviceOwner.startsWith("compute:") && deviceId != null && !deviceId.isBlank();
    }
}
