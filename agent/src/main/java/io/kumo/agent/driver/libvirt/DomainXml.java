package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.AttachedVolume;
import java.nio.file.Path;

/**
 * A {@link DomainSpec} as libvirt's domain XML: virtio root disk, the config drive as an IDE CD-ROM labelled
 * by its file system ({@code config-2}), NICs of type bridge with the port's MAC and the tap Kumo names, the
 * serial console appended to a file (the console log), no graphics. Powering off ends the domain; a reboot
 * restarts it; a crash leaves it off for the power-state sync to see.
 */
final class DomainXml {

    /** The root disk's device in the guest. */
    static final String ROOT_DISK = "vda";

    private DomainXml() {
    }

    /**
     * An attached volume as a virtio disk, for the domain's XML and for hot-plugging: its target the device's
     * name ({@code vdb}), its serial the volume id as far as virtio-blk keeps it (20 characters), so the guest
     * finds it under {@code /dev/disk/by-id/virtio-<serial>} as Nova's guests do.
     */
    static String volumeDisk(AttachedVolume volume) {
        String serial = volume.volumeId().length() > 20 ? volume.volumeId().substring(0, 20) : volume.volumeId();
        return "<disk type='file' device='disk'>\n"
                + "  <driver name='qemu' type='" + escape(volume.format()) + "'/>\n"
                + "  <source file='" + escape(volume.path()) + "'/>\n"
                + "  <target dev='" + escape(volume.deviceName()) + "' bus='virtio'/>\n"
                + "  <serial>" + escape(serial) + "</serial>\n"
                + "</disk>\n";
    }

    static String of(DomainSpec spec) {
        StringBuilder xml = new StringBuilder();
        xml.append("<domain type='").append(escape(spec.type())).append("'>\n");
        xml.append("  <name>").append(escape(spec.name())).append("</name>\n");
        xml.append("  <uuid>").append(escape(spec.uuid())).append("</uuid>\n");
        xml.append("  <title>").append(escape(spec.displayName() == null ? "" : spec.displayName())).append("</title>\n");
        xml.append("  <memory unit='MiB'>").append(spec.memoryMb()).append("</memory>\n");
        xml.append("  <vcpu>").append(Math.max(1, spec.vcpus())).append("</vcpu>\n");
        xml.append("  <os>\n");
        xml.append("    <type arch='x86_64' machine='").append(escape(spec.machine())).append("'>hvm</type>\n");
        if (spec.kernel() != null) {
            xml.append("    <kernel>").append(path(spec.kernel().kernel())).append("</kernel>\n");
            if (spec.kernel().initrd() != null) {
                xml.append("    <initrd>").append(path(spec.kernel().initrd())).append("</initrd>\n");
            }
            xml.append("    <cmdline>").append(escape(spec.kernel().commandLine())).append("</cmdline>\n");
        } else {
            xml.append("    <boot dev='hd'/>\n");
        }
        xml.append("  </os>\n");
        xml.append("  <features><acpi/><apic/></features>\n");
        if (spec.type().equals("kvm")) {
            xml.append("  <cpu mode='host-passthrough'/>\n");
        }
        xml.append("  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n");
        xml.append("  <on_crash>destroy</on_crash>\n");
        xml.append("  <devices>\n");
        xml.append("    <disk type='file' device='disk'>\n");
        xml.append("      <driver name='qemu' type='").append(escape(spec.rootDisk().format())).append("'/>\n");
        xml.append("      <source file='").append(path(spec.rootDisk().file())).append("'/>\n");
        xml.append("      <target dev='").append(ROOT_DISK).append("' bus='virtio'/>\n    </disk>\n");
        xml.append("    <disk type='file' device='cdrom'>\n");
        xml.append("      <driver name='qemu' type='raw'/>\n");
        xml.append("      <source file='").append(path(spec.configDrive())).append("'/>\n");
        xml.append("      <target dev='hdd' bus='ide'/>\n      <readonly/>\n    </disk>\n");
        for (AttachedVolume volume : spec.volumes()) {
            xml.append(volumeDisk(volume).indent(4));
        }
        for (DomainSpec.Nic nic : spec.nics()) {
            xml.append("    <interface type='bridge'>\n");
            xml.append("      <mac address='").append(escape(nic.macAddress())).append("'/>\n");
            xml.append("      <source bridge='").append(escape(nic.bridge())).append("'/>\n");
            xml.append("      <target dev='").append(escape(nic.tap())).append("'/>\n");
            xml.append("      <model type='virtio'/>\n");
            if (nic.mtu() > 0) {
                xml.append("      <mtu size='").append(nic.mtu()).append("'/>\n");
            }
            xml.append("    </interface>\n");
        }
        xml.append("    <serial type='file'>\n");
        xml.append("      <source path='").append(path(spec.consoleLog())).append("' append='on'/>\n");
        xml.append("      <target port='0'/>\n    </serial>\n");
        xml.append("    <memballoon model='none'/>\n");
        xml.append("  </devices>\n</domain>\n");
        return xml.toString();
    }

    /**
     * The KVM probe's transient domain: the kernel alone under KVM, panicking for want of a root file
     * system, and gone at the panic's reboot.
     */
    static String probe(String uuid, Path kernel, Path consoleLog) {
        return "<domain type='kvm'>\n  <name>kvm-probe-" + escape(uuid.substring(0, 8)) + "</name>\n"
                + "  <uuid>" + escape(uuid) + "</uuid>\n  <memory unit='MiB'>128</memory>\n  <vcpu>1</vcpu>\n"
                + "  <os>\n    <type arch='x86_64'>hvm</type>\n    <kernel>" + path(kernel) + "</kernel>\n"
                + "    <cmdline>console=ttyS0 panic=-1</cmdline>\n  </os>\n"
                + "  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>destroy</on_reboot>\n"
                + "  <on_crash>destroy</on_crash>\n  <devices>\n    <serial type='file'>\n"
                + "      <source path='" + path(consoleLog) + "'/>\n      <target port='0'/>\n    </serial>\n"
                + "    <memballoon model='none'/>\n  </devices>\n</domain>\n";
    }

    private static String path(Path path) {
        return escape(path.toAbsolutePath().toString());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
