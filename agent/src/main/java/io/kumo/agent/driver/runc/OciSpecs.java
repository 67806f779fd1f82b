package io.kumo.agent.driver.runc;

import io.kumo.common.contract.host.BuildServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's OCI runtime configuration ({@code config.json}, runtime-spec 1.0) from its flavor: a user
 * namespace mapping the container's ids 0…size-1 onto its own host range; pid, ipc, uts, mount and network
 * namespaces of its own (the network one owned by its user namespace, so it may mount its sysfs; the host
 * plugs its NICs in between create and start); cgroup limits — memory (no swap beyond
 * it), CPU shares and a CFS quota of the flavor's vCPUs, and a pids limit from the flavor's
 * {@code kumo:pids_limit} extra spec or the host's default, so one tenant's fork storm stops at its own
 * limit; the config drive bind-mounted read-only at {@code /config-drive}; and the host's volumes directory
 * of the container at {@code /mnt}, where attached volumes appear ({@link ContainerVolumes}).
 */
final class OciSpecs {

    static final String PIDS_LIMIT_SPEC = "kumo:pids_limit";
    private static final long CFS_PERIOD = 100_000;

    private OciSpecs() {
    }

    /** The container's configuration. */
    record Container(String hostname, ContainerProcess process, String rootfs, long idBase, int idCount,
            String configDrive, String volumes, BuildServer.FlavorSpec flavor, int defaultPidsLimit) {
    }

    /**
     * btrfs's subvolume and snapshot ioctls refused inside containers (EPERM): a subvolume made in a
     * container's snapshot would be outside its quota group (unbounded writes) and keep the snapshot from
     * being deleted. Everything else is allowed, as before.
     */
    static Map<String, Object> seccomp() {
        List<Object> rules = new ArrayList<>();
        for (long ioctl : BTRFS_SUBVOLUME_IOCTLS) {
            rules.add(Map.of("names", List.of("ioctl"), "action", "SCMP_ACT_ERRNO", "errnoRet", 1,
                    "args", List.of(Map.of("index", 1, "value", ioctl, "op", "SCMP_CMP_EQ"))));
        }
        return Map.of("defaultAction", "SCMP_ACT_ALLOW", "syscalls", rules);
    }

    /** _IOW(0x94, n, 4096-byte args): SNAP_CREATE 1, SUBVOL_CREATE 14, SNAP_DESTROY 15, their _V2 23, 24, 63. */
    static final long[] BTRFS_SUBVOLUME_IOCTLS = {0x50009401L, 0x5000940eL, 0x5000940fL, 0x50009417L, 0x50009418L,
            0x5000943fL};

    static int pidsLimit(BuildServer.FlavorSpec flavor, int defaultLimit) {
        String spec = flavor.extraSpecs().get(PIDS_LIMIT_SPEC);
        if (spec == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(spec.trim());
            return limit > 0 ? limit : defaultLimit;
        } catch (NumberFormatException e) {
            return defaultLimit;
        }
    }

    static Map<String, Object> of(Container c) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ociVersion", "1.0.2");
        spec.put("process", process(c.process()));
        spec.put("root", Map.of("path", c.rootfs(), "readonly", false));
        spec.put("hostname", c.hostname());
        spec.put("mounts", mounts(c.configDrive(), c.volumes()));
        spec.put("linux", linux(c));
        return spec;
    }

    private static Map<String, Object> process(ContainerProcess process) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("terminal", false);
        p.put("user", Map.of("uid", process.uid(), "gid", process.gid()));
        p.put("args", process.args());
        p.put("env", process.env());
        p.put("cwd", process.cwd());
        List<String> caps = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD",
                "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
        p.put("capabilities", Map.of("bounding", caps, "effective", caps, "permitted", caps));
        p.put("noNewPrivileges", true);
        return p;
    }

    private static List<Object> mounts(String configDrive, String volumes) {
        List<Object> mounts = new ArrayList<>();
        mounts.add(Map.of("destination", "/proc", "type", "proc", "source", "proc"));
        mounts.add(Map.of("destination", "/dev", "type", "tmpfs", "source", "tmpfs",
                "options", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
        mounts.add(Map.of("destination", "/dev/pts", "type", "devpts", "source", "devpts",
                "options", List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620")));
        mounts.add(Map.of("destination", "/dev/shm", "type", "tmpfs", "source", "shm",
                "options", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));
        mounts.add(Map.of("destination", "/dev/mqueue", "type", "mqueue", "source", "mqueue",
                "options", List.of("nosuid", "noexec", "nodev")));
        mounts.add(Map.of("destination", "/sys", "type", "sysfs", "source", "sysfs",
                "options", List.of("nosuid", "noexec", "nodev", "ro")));
        mounts.add(Map.of("destination", "/config-drive", "type", "bind", "source", configDrive,
                "options", List.of("rbind", "ro", "nosuid", "nodev", "noexec")));
        // the host's shared volumes directory, as its slave: a volume the host mounts there appears here
        mounts.add(Map.of("destination", ContainerVolumes.MOUNT_ROOT, "type", "bind", "source", volumes,
                "options", List.of("rbind", "rslave", "nosuid", "nodev")));
        return mounts;
    }

    private static Map<String, Object> linux(Container c) {
        Map<String, Object> linux = new LinkedHashMap<>();
        List<Object> ids = List.of(Map.of("containerID", 0, "hostID", c.idBase(), "size", c.idCount()));
        linux.put("uidMappings", ids);
        linux.put("gidMappings", ids);
        List<Object> namespaces = new ArrayList<>();
        for (String type : List.of("pid", "ipc", "uts", "mount", "user", "network")) {
            namespaces.add(Map.of("type", type));
        }
        linux.put("namespaces", namespaces);
        BuildServer.FlavorSpec f = c.flavor();
        long memory = (long) f.memoryMb() * 1024 * 1024;
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("memory", Map.of("limit", memory));
        resources.put("cpu", Map.of("shares", 1024L * Math.max(1, f.vcpus()), "quota", CFS_PERIOD * Math.max(1, f.vcpus()),
                "period", CFS_PERIOD));
        resources.put("pids", Map.of("limit", pidsLimit(f, c.defaultPidsLimit())));
        resources.put("devices", List.of(Map.of("allow", false, "access", "rwm")));
        linux.put("resources", resources);
        linux.put("seccomp", seccomp());
        linux.put("maskedPaths", List.of("/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi"));
        linux.put("readonlyPaths", List.of("/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                "/proc/sysrq-trigger"));
        return linux;
    }
}
