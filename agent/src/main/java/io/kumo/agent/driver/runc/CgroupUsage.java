package io.kumo.agent.driver.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a container's cgroups count, read from the files of the cgroups its process is in
 * ({@code /proc/<pid>/cgroup}): cgroup v1 controllers where the host mounts them (this host's hybrid
 * layout), the unified v2 hierarchy otherwise. Read-only: runc owns the cgroups.
 */
final class CgroupUsage {

    /** A v1 memory limit this large means none. */
    private static final long UNLIMITED = 1L << 62;

    private final Path proc;
    private final Path cgroupRoot;

    CgroupUsage(Path proc, Path cgroupRoot) {
        this.proc = proc;
        this.cgroupRoot = cgroupRoot;
    }

    static CgroupUsage ofHost() {
        return new CgroupUsage(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }

    /** A figure is null when the host does not count it (no such controller or file). */
    record Usage(Long cpuNanos, Long cpuThrottledNanos, Long memoryUsedBytes, Long memoryLimitBytes, Long oomKills,
            Long pids, Long pidsLimit) {
    }

    /** The cgroups' figures of the process {@code pid}; empty when the process is gone. */
    Optional<Usage> of(long pid) {
        Map<String, Path> v1 = new HashMap<>();
        Path unified = null;
        try {
            for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("cgroup"))) {
                String[] fields = line.split(":", 3);
                if (fields.length < 3) {
                    continue;
                }
                String path = fields[2].startsWith("/") ? fields[2].substring(1) : fields[2];
                if (fields[1].isEmpty()) {
                    unified = controllerDir("unified", path).orElse(cgroupRoot.resolve(path));
                } else {
                    for (String controller : fields[1].split(",")) {
                        Path dir = controllerDir(fields[1], path).or(() -> controllerDir(controller, path)).orElse(null);
                        if (dir != null) {
                            v1.put(controller, dir);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Path v2 = unified;
        return Optional.of(new Usage(
                v1.containsKey("cpuacct") ? number(v1.get("cpuacct").resolve("cpuacct.usage"))
                        : micros(keyed(v2, "cpu.stat", "usage_usec")),
                v1.containsKey("cpu") ? keyed(v1.get("cpu"), "cpu.stat", "throttled_time")
                        : micros(keyed(v2, "cpu.stat", "throttled_usec")),
                v1.containsKey("memory") ? number(v1.get("memory").resolve("memory.usage_in_bytes"))
                        : number(file(v2, "memory.current")),
                limit(v1.containsKey("memory") ? number(v1.get("memory").resolve("memory.limit_in_bytes"))
                        : number(file(v2, "memory.max"))),
                v1.containsKey("memory") ? keyed(v1.get("memory"), "memory.oom_control", "oom_kill")
                        : keyed(v2, "memory.events", "oom_kill"),
                number(file(v1.getOrDefault("pids", v2), "pids.current")),
                limit(number(file(v1.getOrDefault("pids", v2), "pids.max")))));
    }

    /** The directory of {@code path} in the hierarchy mounted as {@code mount}, when the host mounts it. */
    private Optional<Path> controllerDir(String mount, String path) {
        Path root = cgroupRoot.resolve(mount);
        return Files.isDirectory(root) ? Optional.of(root.resolve(path)) : Optional.empty();
    }

    private static Path file(Path dir, String name) {
        return dir == null ? null : dir.resolve(name);
    }

    /** The value of {@code key} in a file of "key value" lines. */
    private static Long keyed(Path dir, String name, String key) {
        if (dir == null) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(dir.resolve(name))) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && fields[0].equals(key)) {
                    return Long.parseLong(fields[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** A file holding one number; null when missing or "max" (v2's no limit). */
    private static Long number(Path file) {
        if (file == null) {
            return null;
        }
        try {
            String value = Files.readString(file).strip();
            return value.equals("max") ? null : Long.parseLong(value);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static Long limit(Long value) {
        return value == null || value >= UNLIMITED ? null : value;
    }

    private static Long micros(Long value) {
        return value == null ? null : value * 1000;
    }
}
