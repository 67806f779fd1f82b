package io.kumo.agent.driver.libvirt;

import io.kumo.agent.network.HostNetworkSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code libvirt} driver's settings.
 *
 * @param uri             the libvirt connection ({@code qemu:///system})
 * @param stateDir        instances (qcow2 overlay, config drive ISO, console log, domain XML, record) and the
 *                        image cache
 * @param domainType      {@code kvm}, {@code qemu} (TCG) or {@code auto} (kvm when the bounded test boot under
 *                        KVM finishes, else qemu)
 * @param kvmProbeTimeout how long the test boot may take before KVM is judged not to work
 * @param probeKernel     the kernel of the test boot; null: the newest {@code /boot/vmlinuz-*}
 * @param machine         the QEMU machine type ({@code pc}: the config drive is an IDE CD-ROM, as Nova's)
 * @param stopTimeout     how long a guest has to power off on the ACPI power button before it is destroyed
 * @param defaultDiskGb   the root disk of a flavor without one ({@code disk} 0)
 * @param vcpus           CPUs offered to the scheduler; memoryMb, diskGb likewise
 * @param network         how the host's bridges reach the other hosts (in the host's own namespace: libvirt
 *                        makes the taps there)
 * @param imageCacheBytes the image cache's bound (least recently used images not in use above it are evicted)
 */
public record LibvirtSettings(String uri, Path stateDir, String domainType, Duration kvmProbeTimeout,
        Path probeKernel, String machine, Duration stopTimeout, int defaultDiskGb, int vcpus, int memoryMb,
        int diskGb, double cpuAllocationRatio, double ramAllocationRatio, double diskAllocationRatio,
        HostNetworkSettings network, long imageCacheBytes) {

    public LibvirtSettings {
        if (!domainType.equals("auto") && !domainType.equals("kvm") && !domainType.equals("qemu")) {
            throw new IllegalArgumentException("agent.libvirt.domain-type is '" + domainType
                    + "'; known: auto, kvm, qemu");
        }
        if (network.namespace() != null) {
            throw new IllegalArgumentException("agent.network.namespace is for the runc driver: libvirt makes its"
                    + " taps in the host's own namespace");
        }
    }
}
