package io.kumo.image.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ImagePatcherTest {

    private static final ImageAttributes IMAGE = new ImageAttributes("tiny", Visibility.SHARED, false, false, "qcow2",
            "bare", 0, 0, Map.of("os_distro", "debian"), Set.of("ci"));

    @Test
    void addAndReplaceSetBaseAttributesAndPropertiesAsGlanceDoes() {
        ImageAttributes changed = ImagePatcher.apply(IMAGE, ImageStatus.ACTIVE, List.of(
                new PatchOperation("replace", "name", "small"),
                new PatchOperation("add", "hw_disk_bus", "virtio"),
                new PatchOperation("replace", "os_distro", "ubuntu"),
                new PatchOperation("add", "tags", List.of("ci", "nightly")),
                new PatchOperation("add", "min_ram", 512L),
                new PatchOperation("remove", "os_distro", null)));
        assertThat(changed.name()).isEqualTo("small");
        assertThat(changed.properties()).containsOnly(Map.entry("hw_disk_bus", "virtio"));
        assertThat(changed.tags()).containsExactlyInAnyOrder("ci", "nightly");
        assertThat(changed.minRam()).isEqualTo(512);
    }

    @Test
    void missingOrDuplicatePropertiesAreConflicts() {
        assertStatus(List.of(new PatchOperation("replace", "nope", "x")), HttpStatus.CONFLICT);
        assertStatus(List.of(new PatchOperation("remove", "nope", null)), HttpStatus.CONFLICT);
        assertStatus(List.of(new PatchOperation("add", "os_distro", "x")), HttpStatus.CONFLICT);
    }

    @Test
    void readOnlyReservedAndBaseRemovalsAreForbidden() {
        assertStatus(List.of(new PatchOperation("replace", "status", "active")), HttpStatus.FORBIDDEN);
        assertStatus(List.of(new PatchOperation("add", "os_glance_import_task", "x")), HttpStatus.FORBIDDEN);
        assertStatus(List.of(new PatchOperation("remove", "name", null)), HttpStatus.FORBIDDEN);
        assertStatus(List.of(new PatchOperation("replace", "disk_format", "raw")), HttpStatus.FORBIDDEN);
    }

    @Test
    void badValuesAreBadRequests() {
        assertStatus(List.of(new PatchOperation("replace", "protected", "yes")), HttpStatus.BAD_REQUEST);
        assertStatus(List.of(new PatchOperation("replace", "min_disk", -1L)), HttpStatus.BAD_REQUEST);
        assertStatus(List.of(new PatchOperation("replace", "visibility", "everyone")), HttpStatus.BAD_REQUEST);
        assertStatus(List.of(new PatchOperation("add", "custom", 5L)), HttpStatus.BAD_REQUEST);
        assertStatus(List.of(new PatchOperation("move", "name", "x")), HttpStatus.BAD_REQUEST);
    }

    @Test
    void formatsMayChangeWhileQueued() {
        ImageAttributes changed = ImagePatcher.apply(IMAGE, ImageStatus.QUEUED,
                List.of(new PatchOperation("replace", "disk_format", "raw")));
        assertThat(changed.diskFormat()).isEqualTo("raw");
    }

    private static void assertStatus(List<PatchOperation> ops, HttpStatus status) {
        assertThatThrownBy(() -> ImagePatcher.apply(IMAGE, ImageStatus.ACTIVE, ops))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
