package io.kumo.image.domain;

import java.util.List;

/** One key of an image list's order, as Glance's {@code sort=name:asc} names it. */
public record SortKey(String attribute, boolean ascending) {

    /** The keys Glance sorts by, as they appear on the wire. */
    public static final List<String> ALLOWED = List.of("name", "status", "container_format", "disk_format", "size",
            "virtual_size", "id", "created_at", "updated_at", "visibility", "owner", "min_disk", "min_ram",
            "protected", "os_hidden");

    public static final List<SortKey> DEFAULT = List.of(new SortKey("created_at", false));
}
