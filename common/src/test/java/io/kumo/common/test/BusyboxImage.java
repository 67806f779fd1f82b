package io.kumo.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The container image of the tests, made from this machine's static busybox (Debian's busybox-static,
 * which ./kumo test installs) without any download: a root filesystem tarball whose {@code /sbin/init}
 * prints what it reads from the config drive — the server's uuid, its hostname and the user data — and
 * then sleeps until SIGTERM (a graceful stop), so a test sees in the console log what the guest really
 * received.
 */
public final class BusyboxImage {

    private static final List<String> APPLETS = List.of("sh", "cat", "echo", "sleep", "hostname", "ip", "nc", "dd",
            "head", "tr", "seq", "sed", "id", "ls", "df", "ps");

    private BusyboxImage() {
    }

    /** Writes the image to {@code tarball}. */
    public static Path write(Path tarball) {
        Path rootfs = null;
        try {
            rootfs = Files.createTempDirectory("kumo-busybox-rootfs");
            for (String dir : List.of("bin", "sbin", "etc", "proc", "sys", "dev", "tmp", "root", "config-drive")) {
                Files.createDirectories(rootfs.resolve(dir));
            }
            Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
            for (String applet : APPLETS) {
                Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
            }
            Path init = rootfs.resolve("sbin/init");
            Files.writeString(init, """
                    #!/bin/sh
                    echo "kumo-busybox booting"
                    echo "uuid $(sed -n 's/.*"uuid": *"\\([^"]*\\)".*/\\1/p' /config-drive/openstack/latest/meta_data.json)"
                    echo "hostname $(hostname)"
                    echo "user-data $(cat /config-drive/openstack/latest/user_data 2>/dev/null)"
                    trap 'echo "kumo-busybox stopping"; exit 0' TERM
                    sleep 1000000 &
                    wait
                    """);
            Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
            Process tar = new ProcessBuilder("tar", "-c", "-f", tarball.toString(), "-C", rootfs.toString(), ".")
                    .redirectErrorStream(true).start();
            if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                throw new IllegalStateException("tar of the busybox image failed: "
                        + new String(tar.getInputStream().readAllBytes()));
            }
            return tarball;
        } catch (IOException e) {
            throw new UncheckedIOException("the busybox image needs /bin/busybox from busybox-static", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(rootfs);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
