package io.kumo.agent.domain;

import io.kumo.agent.driver.HypervisorDriver;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A host this agent process serves: usually the machine it runs on, or one of the N simulated hosts of a
 * {@code fake} scale test. Each has its own driver (and so its own instances) and its own resource
 * provider in placement.
 *
 * @param name             unique in the deployment; the routing key of its commands
 * @param providerUuid     its resource provider, derived from the name so that it survives restarts
 *                         without any state on disk
 * @param availabilityZone the zone operators put the host in
 * @param hostIp           the address the host is managed at (Nova's {@code my_ip}), shown to operators
 */
public record ServedHost(String name, String providerUuid, String availabilityZone, String hostIp,
        HypervisorDriver driver) {

    public static ServedHost of(String name, String availabilityZone, String hostIp, HypervisorDriver driver) {
        return new ServedHost(name, providerUuidOf(name), availabilityZone, hostIp, driver);
    }

    /** A name-based (version 3) UUID: the same host name gives the same provider on every start. */
    public static String providerUuidOf(String hostName) {
        return UUID.nameUUIDFromBytes(("kumo-host:" + hostName).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
