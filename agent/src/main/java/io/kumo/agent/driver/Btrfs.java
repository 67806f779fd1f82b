package io.kumo.agent.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The btrfs tools as Kumo uses them on a btrfs file system — subvolumes, snapshots and quota groups — for the
 * runc driver's container root filesystems and the storage role's btrfs volumes alike, so that both make,
 * limit and delete subvolumes the same way. Every command runs through {@link HostCommands} (a deadline, its
 * output in the failure's message); paths are passed as arguments, never through a shell.
 */
public final class Btrfs {

    private static final Pattern QGROUP_ID = Pattern.compile("^0/(\\d+)\\s", Pattern.MULTILINE);
    private static final Pattern DEVICE_SIZE = Pattern.compile("^\\s*Device size:\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern FREE = Pattern.compile("^\\s*Free \\(estimated\\):\\s+(\\d+)", Pattern.MULTILINE);

    private final HostCommands commands;

    public Btrfs(HostCommands commands) {
        this.commands = commands;
    }

    /** How big a btrfs file system is and what it can still take, in bytes. */
    public record Usage(long totalBytes, long freeBytes) {
    }

    /** The type of the file system {@code path} is on, as {@code stat -f} names it ({@code btrfs}, {@code ext2/ext3}). */
    public String fileSystemType(Path path) {
        return commands.run(List.of("stat", "-f", "-c", "%T", path.toString())).strip();
    }

    /** Turns quota groups on for the file system {@code path} is on (nothing changes when they are on). */
    public void enableQuotas(Path path) {
        commands.run(List.of("btrfs", "quota", "enable", path.toString()));
    }

    public void createSubvolume(Path subvolume) {
        commands.run(List.of("btrfs", "subvolume", "create", subvolume.toString()));
    }

    /** A writable snapshot of {@code source} at {@code target}: instant, sharing every extent until written. */
    public void snapshot(Path source, Path target) {
        commands.run(List.of("btrfs", "subvolume", "snapshot", source.toString(), target.toString()));
    }

    /** A read-only snapshot of {@code source} at {@code target}. */
    public void readOnlySnapshot(Path source, Path target) {
        commands.run(List.of("btrfs", "subvolume", "snapshot", "-r", source.toString(), target.toString()));
    }

    public void setReadOnly(Path subvolume) {
        commands.run(List.of("btrfs", "property", "set", "-ts", subvolume.toString(), "ro", "true"));
    }

    /** Limits what the subvolume refers to (its own writes and the extents it shares) to {@code bytes}. */
    public void limitReferenced(Path subvolume, long bytes) {
        commands.run(List.of("btrfs", "qgroup", "limit", Long.toString(bytes), subvolume.toString()));
    }

    /** The subvolume's id, which its level-0 quota group ({@code 0/<id>}) is named by. */
    public long subvolumeId(Path subvolume) {
        return Long.parseLong(commands.run(List.of("btrfs", "inspect-internal", "rootid", subvolume.toString()))
                .strip());
    }

    /** Deletes the subvolume when it is there; its space is freed by the kernel's cleaner afterwards. */
    public void deleteSubvolume(Path subvolume) {
        if (Files.isDirectory(subvolume)) {
            commands.run(List.of("btrfs", "subvolume", "delete", subvolume.toString()));
        }
    }

    /**
     * Deletes the subvolume, waits until the cleaner has dropped it and then removes its quota group, which a
     * kernel keeps (older ones) or removes itself (6.8 and later) once the subvolume is gone. Nothing to do
     * when the subvolume is not there.
     *
     * @param wait how long the cleaner may take
     */
    public void deleteSubvolumeAndQgroup(Path subvolume, Duration wait) {
        if (!Files.isDirectory(subvolume)) {
            return;
        }
        long id = subvolumeId(subvolume);
        Path fileSystem = subvolume.getParent();
        // committed at once: the cleaner starts on the next commit, which would otherwise be up to 30 s away
        commands.run(List.of("btrfs", "subvolume", "delete", "--commit-after", subvolume.toString()));
        commands.run(List.of("btrfs", "subvolume", "sync", fileSystem.toString(), Long.toString(id)), wait, null);
        if (levelZeroQgroups(fileSystem).contains(id)) {
            commands.run(List.of("btrfs", "qgroup", "destroy", "0/" + id, fileSystem.toString()));
        }
    }

    /** Removes, best effort, the quota groups of deleted subvolumes the cleaner has dropped already. */
    public void clearStaleQgroups(Path path) {
        try {
            commands.run(List.of("btrfs", "qgroup", "clear-stale", path.toString()));
        } catch (HostCommands.HostCommandFailed e) {
            // a deleted subvolume is still being cleaned: a later call clears its group
        }
    }

    /** The subvolume ids that have a level-0 quota group on the file system. */
    public Set<Long> levelZeroQgroups(Path path) {
        Matcher matcher = QGROUP_ID.matcher(commands.run(List.of("btrfs", "qgroup", "show", "--raw", path.toString())));
        return matcher.results().map(m -> Long.parseLong(m.group(1))).collect(Collectors.toSet());
    }

    /** The file system's size and its estimated free space (what its data profile lets it still store). */
    public Usage usage(Path path) {
        String printed = commands.run(List.of("btrfs", "filesystem", "usage", "-b", path.toString()));
        return new Usage(field(DEVICE_SIZE, "Device size", printed, path), field(FREE, "Free (estimated)", printed, path));
    }

    private static long field(Pattern pattern, String label, String printed, Path path) {
        Matcher matcher = pattern.matcher(printed);
        if (!matcher.find()) {
            throw new IllegalStateException("btrfs filesystem usage printed no '" + label + "' for " + path
                    + ": " + printed.strip());
        }
        return Long.parseLong(matcher.group(1));
    }
}
