package io.kumo.image.domain;

import java.util.List;

/** Glance's {@code disk_format} values (its default {@code disk_formats} list). */
public final class DiskFormat {

    public static final List<String> ALL = List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2",
            "vdi", "iso", "ploop");

    /** Formats whose data is the disk itself, byte for byte. */
    static final List<String> RAW_LIKE = List.of("raw", "ami", "ari", "aki");

    private DiskFormat() {
    }

    public static boolean isKnown(String format) {
        return ALL.contains(format);
    }

    static boolean isRawLike(String format) {
        return RAW_LIKE.contains(format);
    }
}
