package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.nio.file.Path;

/** Where a driver gets an image's bytes: image-service in a deployment, a directory of files in tests. */
public interface ImageSource {

    /** Writes the image's bytes to {@code target}, checked against the image's checksum when it has one. */
    void download(BuildServer.ImageSpec image, Path target) throws IOException;
}
