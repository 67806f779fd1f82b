package io.kumo.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this machine has, for a real driver's inventory when the operator does not set it. */
final class HostResources {

    private HostResources() {
    }

    /** MemTotal of /proc/meminfo, in MiB. */
    static int memoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return (int) (Long.parseLong(line.replaceAll("\\D+", "")) / 1024);
                }
            }
            throw new IllegalStateException("/proc/meminfo has no MemTotal");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/meminfo", e);
        }
    }

    /** The free space of the filesystem {@code dir} is (or will be) on, in GiB. */
    static int freeDiskGb(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return (int) (Files.getFileStore(existing == null ? Path.of("/") : existing).getUsableSpace() >> 30);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + dir, e);
        }
    }
}
