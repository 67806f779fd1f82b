package io.kumo.agent.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * The config drive's files as compute-service sends them (relative path to base64 content: the OpenStack
 * layout {@code openstack/latest/meta_data.json}, {@code ec2/...}) written as a directory tree. A path that
 * would leave the tree is refused: the files come over the bus and are written by root.
 */
public final class ConfigDriveTree {

    private ConfigDriveTree() {
    }

    /** Writes the files under {@code dir} (made if missing). */
    public static void write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        Path root = dir.toRealPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root) || file.getKey().startsWith("/")) {
                throw new IllegalArgumentException("config drive path outside the drive: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode(file.getValue()));
        }
    }
}
