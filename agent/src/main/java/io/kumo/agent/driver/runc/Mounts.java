package io.kumo.agent.driver.runc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What is mounted where, from the kernel's own table ({@code /proc/self/mounts}). */
final class Mounts {

    private Mounts() {
    }

    /** The device or file mounted at {@code target} (the last mount there); empty when nothing is. */
    static Optional<String> sourceAt(Path target) {
        return fieldsAt(target).map(fields -> fields[0]);
    }

    /** The file system type mounted at {@code target}; empty when nothing is. */
    static Optional<String> typeAt(Path target) {
        return fieldsAt(target).map(fields -> fields[2]);
    }

    /** The mount points at {@code dir} or below it. */
    static List<Path> under(Path dir) {
        String root = real(dir);
        return table().stream().filter(f -> f.length > 2 && (f[1].equals(root) || f[1].startsWith(root + "/")))
                .map(f -> Path.of(f[1])).distinct().toList();
    }

    /** The path as the kernel's table names it: through any symlink on the way (a state dir may be one). */
    private static String real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath().toString() : absolute.toString();
        } catch (IOException e) {
            return absolute.toString();
        }
    }

    private static List<String[]> table() {
        try {
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream().map(line -> line.split(" ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String[]> fieldsAt(Path target) {
        try {
            String wanted = real(target);
            List<String> lines = Files.readAllLines(Path.of("/proc/self/mounts"));
            return lines.stream().map(line -> line.split(" ")).filter(f -> f.length > 2 && f[1].equals(wanted))
                    .reduce((first, last) -> last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
