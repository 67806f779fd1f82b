package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.SpawnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ids of an image's configured {@code User} — {@code name}, {@code uid}, {@code name:group},
 * {@code uid:gid} or empty (root) — as Docker reads them: names from the image's own {@code /etc/passwd}
 * and {@code /etc/group} (read inside its root filesystem, never through a link out of it), a user's
 * primary group when no group is named.
 */
final class ImageUsers {

    private ImageUsers() {
    }

    /** {uid, gid} inside the container. @throws SpawnFailure when a name is not in the image */
    static long[] resolve(String user, Path rootfs, String imageId) {
        if (user == null || user.isBlank()) {
            return new long[] {0, 0};
        }
        String[] parts = user.trim().split(":", 2);
        List<String[]> passwd = table(rootfs, "passwd");
        String[] entry = passwd.stream().filter(e -> e.length > 3 && (e[0].equals(parts[0]) || e[2].equals(parts[0])))
                .findFirst().orElse(null);
        long uid = number(parts[0]).or(() -> Optional.ofNullable(entry).flatMap(e -> number(e[2])))
                .orElseThrow(() -> unknown(imageId, "user", parts[0]));
        if (parts.length == 1) {
            return new long[] {uid, entry == null ? 0 : number(entry[3]).orElse(0L)};
        }
        long gid = number(parts[1]).or(() -> table(rootfs, "group").stream()
                .filter(g -> g.length > 2 && g[0].equals(parts[1])).findFirst().flatMap(g -> number(g[2])))
                .orElseThrow(() -> unknown(imageId, "group", parts[1]));
        return new long[] {uid, gid};
    }

    private static List<String[]> table(Path rootfs, String name) {
        try {
            Path file = OciLayers.resolve(rootfs, List.of("etc", name));
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(":", -1))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Long> number(String value) {
        try {
            long n = Long.parseLong(value);
            return n >= 0 && n < RuncSettings.IDS_PER_CONTAINER ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static SpawnFailure unknown(String imageId, String kind, String name) {
        return new SpawnFailure("image " + imageId + " runs as " + kind + " '" + name + "', which its /etc/"
                + (kind.equals("user") ? "passwd" : "group") + " does not name (or is beyond the container's ids)",
                false);
    }
}
