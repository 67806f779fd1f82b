package io.kumo.compute.application;

import io.kumo.common.error.ApiException;
import io.kumo.compute.client.SchedulerHosts;
import io.kumo.compute.client.VolumeService;
import io.kumo.compute.domain.ComputeHost;
import io.kumo.compute.domain.VolumeAttachment;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where a guest sees an attached volume. A VM gets the next free virtio disk ({@code /dev/vdb} … {@code vdz};
 * {@code vda} is its root disk), or the one the caller asks for. A container (a host of the runc driver) has
 * the volume's file system mounted under {@code /mnt}: at the path the caller asks for, else the one the
 * volume's {@code mount_point} metadata names, else {@code /mnt/<volume name>} (its id when the name is no
 * plain file name).
 */
@Component
public class AttachmentDevices {

    /** The volume metadata key naming a container's mount point. */
    public static final String MOUNT_POINT = "mount_point";
    private static final Pattern VM_DEVICE = Pattern.compile("/dev/vd[b-z]");
    private static final Pattern MOUNT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String CONTAINER_DRIVER = "runc";

    private final SchedulerHosts hosts;

    AttachmentDevices(SchedulerHosts hosts) {
        this.hosts = hosts;
    }

    /** What kind of guest a server on {@code host} is. */
    public enum Kind { VM, CONTAINER }

    Kind kindOn(String host) {
        return hosts.find(host).map(ComputeHost::driver).filter(CONTAINER_DRIVER::equals).map(d -> Kind.CONTAINER)
                .orElse(Kind.VM);
    }

    /** 400 for a device the guest cannot have (before anything is reserved). */
    void requireValid(Kind kind, String requested, VolumeService.Volume volume) {
        if (kind == Kind.VM) {
            if (requested != null && !VM_DEVICE.matcher(requested).matches()) {
                throw invalid(requested);
            }
        } else {
            mountPoint(requested, volume);
        }
    }

    /** The device for the volume among the server's present attachments (400 when the one asked for is taken). */
    String choose(Kind kind, String requested, VolumeService.Volume volume, List<VolumeAttachment> present) {
        Set<String> taken = present.stream().map(VolumeAttachment::device).collect(Collectors.toSet());
        String device = kind == Kind.CONTAINER ? mountPoint(requested, volume) : requested;
        if (device == null) {
            for (char c = 'b'; c <= 'z'; c++) {
                if (!taken.contains("/dev/vd" + c)) {
                    return "/dev/vd" + c;
                }
            }
            throw ApiException.badRequest("No free disk device names for prefix 'vd'");
        }
        if (taken.contains(device)) {
            throw ApiException.badRequest("The supplied device path (" + device + ") is in use.");
        }
        return device;
    }

    private static String mountPoint(String requested, VolumeService.Volume volume) {
        String wanted = requested != null ? requested : volume.metadata().get(MOUNT_POINT);
        if (wanted != null) {
            String name = wanted.startsWith("/mnt/") ? wanted.substring("/mnt/".length()) : "";
            if (!MOUNT_NAME.matcher(name).matches()) {
                throw ApiException.badRequest("The supplied device path (" + wanted + ") is invalid: a container has"
                        + " a volume at /mnt/<name>, the name of letters, digits, '.', '_' and '-'.");
            }
            return wanted;
        }
        String name = volume.name();
        return "/mnt/" + (name != null && MOUNT_NAME.matcher(name).matches() ? name : volume.id());
    }

    private static ApiException invalid(String device) {
        return ApiException.badRequest("The supplied device path (" + device + ") is invalid.");
    }
}
