package io.kumo.agent.network;

import io.kumo.common.contract.host.BuildServer;

/**
 * Where a port's firewall comes from: network-service's security groups in a deployment (read with the
 * agent's service user), nothing in tests that run drivers alone.
 */
public interface SecurityGroupSource {

    /** No network-service: every port open (anti-spoofing included: nothing is enforced). */
    SecurityGroupSource NONE = (port, tap) -> PortFilter.open(port.portId(), port.networkId(), tap,
            port.macAddress(), port.fixedIps().stream().map(BuildServer.FixedIp::ipAddress).toList());

    /** The port's filter as its security groups say now. */
    PortFilter filterFor(BuildServer.PortSpec port, String tap);
}
