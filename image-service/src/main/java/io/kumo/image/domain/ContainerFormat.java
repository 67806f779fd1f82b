package io.kumo.image.domain;

import java.util.List;

/** Glance's {@code container_format} values; {@code docker} is an image archive for container instances. */
public final class ContainerFormat {

    public static final List<String> ALL = List.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed");

    /** Containers whose data is a tar archive rather than a disk. */
    static final List<String> TAR_ARCHIVES = List.of("ova", "docker");

    private ContainerFormat() {
    }

    public static boolean isKnown(String format) {
        return ALL.contains(format);
    }
}
