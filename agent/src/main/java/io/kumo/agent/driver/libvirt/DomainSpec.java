package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.AttachedVolume;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a VM's libvirt domain is made of (Nova's {@code LibvirtConfigGuest}, reduced to what Kumo
 * runs): the instance's identity, its size, how it boots, its disks, NICs and serial console.
 *
 * @param type       {@code kvm} or {@code qemu} (TCG)
 * @param kernel     direct kernel boot: the kernel, initrd and command line; null to boot the root disk
 * @param configDrive the ISO9660 config drive, attached as a read-only CD-ROM
 * @param consoleLog the file the serial console is appended to
 * @param volumes    the attached volumes, virtio disks after the root disk
 */
public record DomainSpec(String uuid, String displayName, String type, String machine, int memoryMb, int vcpus,
        DirectKernel kernel, Disk rootDisk, Path configDrive, List<Nic> nics, Path consoleLog,
        List<AttachedVolume> volumes) {

    public DomainSpec {
        nics = List.copyOf(nics);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** The domain's name in libvirt: {@code kumo-<uuid>}, so Kumo's domains are told apart from others. */
    public String name() {
        return LibvirtDomains.NAME_PREFIX + uuid;
    }

    public record DirectKernel(Path kernel, Path initrd, String commandLine) {
    }

    /** @param format qcow2 or raw */
    public record Disk(Path file, String format) {
    }

    /** @param tap the host end libvirt makes and enslaves to {@code bridge} */
    public record Nic(String macAddress, String bridge, String tap, int mtu) {
    }
}
