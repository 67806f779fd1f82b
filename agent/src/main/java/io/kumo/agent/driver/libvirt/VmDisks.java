package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageCache;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.BuildServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VM's root disk: a qcow2 overlay of the flavor's size on the image's cached copy (qcow2 or raw), which is
 * never written to, so a hundred VMs of one image share one base file. An image larger than the flavor's
 * disk cannot boot on it (Nova's "Flavor's disk is too small").
 */
final class VmDisks {

    private static final Set<String> BOOTABLE_FORMATS = Set.of("qcow2", "raw");
    private static final Pattern VIRTUAL_SIZE = Pattern.compile("\"virtual-size\":\\s*(\\d+)");
    private static final Pattern FORMAT = Pattern.compile("\"format\":\\s*\"([a-z0-9]+)\"");
    private static final long GIB = 1024L * 1024 * 1024;

    private final ImageCache cache;
    private final HostCommands commands;

    VmDisks(ImageCache cache, HostCommands commands) {
        this.cache = cache;
        this.commands = commands;
    }

    /** Makes {@code disk}, a qcow2 overlay of {@code sizeGb} GiB on the image's base; returns it. */
    DomainSpec.Disk overlay(BuildServer.ImageSpec image, Path disk, int sizeGb) {
        String declared = image.diskFormat() == null ? "raw" : image.diskFormat();
        if (!BOOTABLE_FORMATS.contains(declared)) {
            throw new SpawnFailure("image " + image.id() + " has disk_format " + declared + ", which cannot boot a VM"
                    + " (qcow2 or raw)", false);
        }
        Path base = cache.fetch(image, "." + declared);
        String info = commands.run(List.of("qemu-img", "info", "--output=json", "-f", declared, base.toString()));
        long virtualSize = number(VIRTUAL_SIZE, info);
        if (virtualSize > sizeGb * GIB) {
            throw new SpawnFailure("Flavor's disk is too small for requested image: image " + image.id() + " is "
                    + virtualSize + " bytes, the flavor's disk " + sizeGb + " GiB", false);
        }
        if (declared.equals("qcow2") && info.contains("\"backing-filename\"")) {
            throw new SpawnFailure("image " + image.id() + " has a backing file of its own: it cannot boot", false);
        }
        commands.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", "-F", format(info, declared), "-b",
                base.toAbsolutePath().toString(), disk.toString(), sizeGb + "G"));
        return new DomainSpec.Disk(disk, "qcow2");
    }

    /** The kernel or ramdisk image named by the boot image's {@code kernel_id}/{@code ramdisk_id}, cached. */
    Path bootFile(String imageId, String suffix) {
        return cache.fetch(cache.describe(imageId), suffix);
    }

    private static long number(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new SpawnFailure("qemu-img could not read the image: " + json, false);
        }
        return Long.parseLong(m.group(1));
    }

    private static String format(String info, String declared) {
        Matcher m = FORMAT.matcher(info);
        return m.find() ? m.group(1) : declared;
    }
}
