package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.InstanceFiles;
import io.kumo.agent.driver.SpawnFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies an image's layers, lowest first, to a root filesystem tree, as the OCI image spec's changesets
 * say: entries replace what lower layers left at their path, {@code .wh.<name>} removes {@code <name>} and
 * {@code .wh..wh..opq} empties its directory of what lower layers put there. Layers are tarballs, plain or
 * gzip-compressed.
 *
 * <p>Layers come from tenants, so nothing in them may reach beyond the tree: every path is resolved inside
 * the tree as if the tree were the root — {@code ..} stops at it, a symbolic link in the way (an absolute
 * one too) is followed within it — and no file is written through a link. Device nodes are skipped (a
 * container gets its own {@code /dev}). Owners stay the image's ids (the instance's range is added when a
 * container's disk is filled); modes, set-id bits and modification times are kept.
 */
final class OciLayers {

    static final String WHITEOUT = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";
    private static final int MAX_LINK_HOPS = 40;

    /** Entries an image may have at most, all layers together (each costs an inode). */
    static final long MAX_ENTRIES = 2_000_000;

    private final long maxBytes;
    private long written;
    private long entries;

    /**
     * One image's layers (a budget for all of them together).
     *
     * @param maxBytes the most the image's files may add up to, as written (beyond, the image is refused)
     */
    OciLayers(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Applies {@code layer} to the tree at {@code root}. */
    void apply(Path layer, Path root) throws IOException {
        Set<Path> unpacked = new HashSet<>();
        try (InputStream in = decompressed(layer); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new SpawnFailure("image layer " + layer.getFileName() + ": the image has more than "
                            + MAX_ENTRIES + " entries", false);
                }
                List<String> parts = components(entry.getName());
                if (parts.isEmpty()) {
                    continue;
                }
                String name = parts.get(parts.size() - 1);
                if (name.equals("..") || name.equals(WHITEOUT + "..") || name.equals(WHITEOUT + ".")
                        || name.equals(WHITEOUT)) {
                    continue; // no file of its own: nothing to make or remove
                }
                Path parent = resolve(root, parts.subList(0, parts.size() - 1));
                if (name.equals(OPAQUE)) {
                    emptyExcept(parent, unpacked);
                    continue;
                }
                if (name.startsWith(WHITEOUT)) {
                    remove(parent.resolve(name.substring(WHITEOUT.length())));
                    continue;
                }
                Files.createDirectories(parent);
                Path target = parent.resolve(name);
                unpacked.add(target);
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    unpacked.remove(target);
                    continue; // a container's /dev is its own
                }
                if (entry.isDirectory()) {
                    // its mode at once: the agent (root) writes into it regardless, and a mode set later could
                    // follow a link another entry put on its path meanwhile
                    directory(target);
                    owner(target, entry);
                    Files.setAttribute(target, "unix:mode", entry.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
                    continue;
                } else if (entry.isSymbolicLink()) {
                    remove(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path existing = resolve(root, components(entry.getLinkName()));
                    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                        throw new SpawnFailure("image layer " + layer.getFileName() + ": hard link " + entry.getName()
                                + " to " + entry.getLinkName() + ", which is no file of the image", false);
                    }
                    remove(target);
                    Files.createLink(target, existing);
                } else if (entry.isFile()) {
                    remove(target);
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        copy(tar, out, layer);
                    }
                    owner(target, entry);
                    attributes(target, entry); // after the owner: chown clears set-id bits
                    continue;
                } else {
                    continue;
                }
                owner(target, entry);
            }
        }
    }

    /** An entry's content, counted as written (a sparse entry's real size) against the image's budget. */
    private void copy(InputStream from, OutputStream to, Path layer) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = from.read(buffer)) > 0) {
            written += read;
            if (written > maxBytes) {
                throw new SpawnFailure("image layer " + layer.getFileName() + ": the image unpacks to more than "
                        + (maxBytes >> 20) + " MiB", false);
            }
            to.write(buffer, 0, read);
        }
    }

    /** A layer's tar stream: gzip-compressed layers (magic 1f 8b) are inflated; zstd ones are refused. */
    private static InputStream decompressed(Path layer) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(layer), 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            in.close();
            throw new SpawnFailure("image layer " + layer.getFileName() + " is zstd-compressed: only plain and gzip"
                    + " layers are supported", false);
        }
        return in;
    }

    /** The path's components, without empty ones and {@code .}. */
    static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    /**
     * The path of {@code parts} inside {@code root}, every component resolved as if {@code root} were the
     * file system's root: {@code ..} never leaves it, symbolic links are followed within it.
     */
    static Path resolve(Path root, List<String> parts) throws IOException {
        Deque<String> todo = new ArrayDeque<>(parts);
        List<String> resolved = new ArrayList<>();
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
                continue;
            }
            Path candidate = join(root, resolved).resolve(part);
            if (!Files.isSymbolicLink(candidate)) {
                resolved.add(part);
                continue;
            }
            if (++hops > MAX_LINK_HOPS) {
                throw new SpawnFailure("image: too many levels of symbolic links at " + candidate, false);
            }
            String link = Files.readSymbolicLink(candidate).toString();
            if (link.startsWith("/")) {
                resolved.clear();
            }
            List<String> linkParts = new ArrayList<>(List.of(link.split("/")));
            for (int i = linkParts.size() - 1; i >= 0; i--) {
                todo.push(linkParts.get(i));
            }
        }
        return join(root, resolved);
    }

    private static Path join(Path root, List<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    /** A directory at {@code target}: an existing one is kept (with what lower layers put in it), anything else replaced. */
    private static void directory(Path target) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            remove(target);
            Files.createDirectory(target);
        }
    }

    /** Removes what is at {@code path} — a link itself, never its target; a directory with its contents. */
    private static void remove(Path path) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            InstanceFiles.deleteTree(path);
        } else {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An opaque directory: what lower layers put in it goes, what this layer put in it stays. */
    private static void emptyExcept(Path dir, Set<Path> unpacked) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                if (!unpacked.contains(child)) {
                    remove(child);
                }
            }
        }
    }

    private static void owner(Path target, TarArchiveEntry entry) throws IOException {
        Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
    }

    private static void attributes(Path file, TarArchiveEntry entry) throws IOException {
        Files.setAttribute(file, "unix:mode", entry.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
        Files.setLastModifiedTime(file, FileTime.from(entry.getLastModifiedTime().toInstant()));
    }
}
