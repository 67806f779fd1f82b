package io.kumo.compute.domain;

import java.util.List;

/**
 * A port a server owns, with what {@code addresses} shows of it.
 *
 * @param preserveOnDelete the user created it and booted with it: deleting the server detaches it instead
 */
public record ServerPort(String portId, String networkId, String networkName, String macAddress, List<FixedIp> fixedIps,
        boolean preserveOnDelete) {

    public ServerPort {
        fixedIps = List.copyOf(fixedIps);
    }

    public record FixedIp(String subnetId, String ipAddress) {

        public int version() {
            return ipAddress.contains(":") ? 6 : 4;
        }
    }
}
