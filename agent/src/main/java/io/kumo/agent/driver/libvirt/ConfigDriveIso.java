package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.ConfigDriveTree;
import io.kumo.agent.driver.HostCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A VM's config drive as Nova makes it: the OpenStack tree ({@code openstack/latest/meta_data.json},
 * {@code user_data}, {@code network_data.json}, {@code ec2/...}) in an ISO9660 image with Rock Ridge and
 * Joliet names, volume label {@code config-2}, which cloud-init and the kumo-tiny guest look for. It holds
 * the user data, so only the host's root (and QEMU, which libvirt lets read it while the VM runs) reads it.
 */
final class ConfigDriveIso {

    private final HostCommands commands;

    ConfigDriveIso(HostCommands commands) {
        this.commands = commands;
    }

    /** Writes the ISO to {@code iso} (replacing one there) from the files compute-service sent. */
    void write(Path iso, Map<String, String> files) throws IOException {
        Path tree = iso.resolveSibling(iso.getFileName() + ".tree");
        deleteTree(tree);
        try {
            Files.createDirectories(tree, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ConfigDriveTree.write(tree, files);
            Path partial = iso.resolveSibling(iso.getFileName() + ".partial");
            commands.run(List.of("genisoimage", "-quiet", "-o", partial.toString(), "-V", "config-2", "-r", "-J",
                    "-l", "-ldots", "-allow-lowercase", "-allow-multidot", "-publisher", "Kumo", tree.toString()));
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            Files.move(partial, iso, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tree);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
