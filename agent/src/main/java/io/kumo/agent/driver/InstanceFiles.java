package io.kumo.agent.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files real drivers keep of their instances under their state dir, one directory per instance uuid:
 * made traversable for the unprivileged users that run guests (QEMU's, a container's mapped root), records
 * replaced atomically, console logs read as a bounded tail, removed whole.
 */
public final class InstanceFiles {

    private final Path instancesDir;

    public InstanceFiles(Path instancesDir) {
        this.instancesDir = instancesDir;
        traversable(instancesDir);
    }

    /** The instance's directory; the uuid is checked, as it names a path that root deletes. */
    public Path dirOf(String uuid) {
        if (uuid == null || !uuid.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not an instance uuid: " + uuid);
        }
        return instancesDir.resolve(uuid);
    }

    /** The directory the instances' directories are in. */
    public Path root() {
        return instancesDir;
    }

    /** The directories of the instances on disk, for re-adoption after a restart. */
    public List<Path> dirs() {
        try (Stream<Path> dirs = Files.list(instancesDir)) {
            return dirs.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the instances under " + instancesDir, e);
        }
    }

    /**
     * A directory on the way to a guest's files: the guests' unprivileged users must pass through it
     * (execute), while only the host's root may list or read it.
     */
    public static void traversable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    /**
     * Every directory above a state dir must let the guests' unprivileged users pass (o+x), else their
     * disks cannot be reached: start-up fails saying which directory and which setting.
     */
    public static void requireTraversableParents(Path stateDir, String who, String setting) {
        for (Path dir = stateDir.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("the state dir " + stateDir + " lies under " + dir + ", which "
                            + who + " cannot pass through: chmod o+x " + dir + " (or choose another " + setting + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Replaces {@code file} with {@code content} at once (never half-written), readable by root only. */
    public static void writeAtomically(Path file, String content) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, content);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the console log's last {@code maxBytes}, without the first one when it was cut in the middle. */
    public static List<String> consoleTail(Path file, int maxBytes) {
        String text = FileTail.of(file, maxBytes);
        List<String> lines = new ArrayList<>(text.lines().map(line -> line.replace("\r", "")).toList());
        if (text.length() >= maxBytes && !lines.isEmpty()) {
            lines.remove(0);
        }
        return lines;
    }

    /** Removes the directory and everything in it; one already gone is fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file only the host's root reads (disk image, configuration, record, console log), made empty if missing. */
    public static void privateFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs each cleanup step, collecting failures instead of stopping at the first. */
    public static List<RuntimeException> runAll(List<Runnable> steps) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
