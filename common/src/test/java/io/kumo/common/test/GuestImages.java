package io.kumo.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tests' guest images, made by the same script that makes {@code ./kumo up}'s demo images
 * ({@code tools/guest-images}) from this machine's Debian packages, without any download: a busybox
 * container root filesystem, and a VM's kernel, busybox initramfs and empty root disk. Both guests print
 * what they read from their config drive — the server's uuid, its hostname and the user data — so a test
 * sees in the console log what the guest really received.
 */
public final class GuestImages {

    private GuestImages() {
    }

    /** The container image (a rootfs tarball) written to {@code tarball}. */
    public static Path container(Path tarball) {
        run(List.of("container", tarball.toString()));
        return tarball;
    }

    /** The VM image as {@code dir/vmlinuz}, {@code dir/initrd.img} and {@code dir/disk.qcow2}. */
    public static VmImage vm(Path dir) {
        run(List.of("vm", dir.toString()));
        return new VmImage(dir.resolve("vmlinuz"), dir.resolve("initrd.img"), dir.resolve("disk.qcow2"));
    }

    /** A direct-kernel-boot VM image; the kernel command line its init expects is {@link #COMMAND_LINE}. */
    public record VmImage(Path kernel, Path initrd, Path disk) {
    }

    /** The serial console and a quiet kernel, as ./kumo up registers kumo-tiny. */
    public static final String COMMAND_LINE = "console=ttyS0 quiet";

    private static void run(List<String> arguments) {
        Path script = script();
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** tools/guest-images of the checkout the tests run in (a module's directory is the working directory). */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("tools/guest-images");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("tools/guest-images not found above " + Path.of("").toAbsolutePath());
    }
}
