package io.kumo.agent.driver;

/**
 * What operators see of a host's hypervisor in os-hypervisors (Nova's {@code get_available_resource}
 * fields): facts for people, unlike {@link DriverCapabilities}, which the scheduler acts on.
 *
 * @param type    QEMU, container, fake, ...
 * @param version the version as one number, libvirt's style (9000000 for 9.0.0)
 * @param cpuInfo the host CPU as a JSON string (arch, model, vendor, topology), as Nova shows it
 */
public record HypervisorInfo(String type, long version, String cpuInfo) {
}
