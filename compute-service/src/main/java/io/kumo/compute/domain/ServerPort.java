package io.kumo.compute.domain;

import java.util.List;

/** A port a server owns, with what {@code addresses} shows of it. */
public record ServerPort(String portId, String networkId, String networkName, String macAddress, List<FixedIp> fixedIps) {

    public ServerPort {
        fixedIps = List.copyOf(fixedIps);
    }

    public record FixedIp(String subnetId, String ipAddress) {

        public int version() {
            return ipAddress.contains(":") ? 6 : 4;
        }
    }
}
