package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.nio.file.Path;

/** Where a driver gets images: image-service in a deployment, files of the test's own in tests. */
public interface ImageSource {

    /**
     * The image's record as image-service keeps it — formats, checksum and its properties ({@code kernel_id},
     * {@code ramdisk_id}, {@code os_command_line}, ...) — as nova-compute reads it at spawn time.
     *
     * @throws IOException when the image cannot be read (gone, or image-service not reachable)
     */
    BuildServer.ImageSpec describe(String imageId) throws IOException;

    /** Writes the image's bytes to {@code target}, checked against the image's checksum when it has one. */
    void download(BuildServer.ImageSpec image, Path target) throws IOException;
}
