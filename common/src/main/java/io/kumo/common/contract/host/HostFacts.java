package io.kumo.common.contract.host;

/**
 * What operators see of a host in os-hypervisors, as its driver reports it.
 *
 * @param hostIp            the address the host is managed at (Nova's {@code my_ip})
 * @param hypervisorType    QEMU, container, fake, ...
 * @param hypervisorVersion the hypervisor's version as one number (libvirt's style: 9000000 for 9.0.0)
 * @param cpuInfo           the host CPU (arch, model, vendor, topology) as a JSON string, as Nova shows it
 */
public record HostFacts(String hostIp, String hypervisorType, long hypervisorVersion, String cpuInfo) {
}
