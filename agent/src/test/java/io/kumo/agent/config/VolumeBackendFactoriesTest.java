package io.kumo.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.kumo.agent.volume.StorageHost;
import io.kumo.common.contract.volume.StoragePool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agent.volume.backends as an operator writes it, and what start-up says when it is wrong. */
class VolumeBackendFactoriesTest {

    @TempDir
    Path dir;

    private static StorageHost storageHost(List<String> backends) {
        return VolumeBackendFactories.storageHost(DriverFactoriesTest.properties("fake", 3, List.of("qemu"), "",
                DriverFactoriesTest.volumes(backends)));
    }

    @Test
    void eachEntryIsABackendOfTheStorageHostAgentHostEvenWithSeveralFakeHosts() {
        StorageHost storage = storageHost(List.of("nfs-1:file:" + dir.resolve(".").normalize(), " ",
                "local_2:file:" + dir));

        assertThat(storage.name()).isEqualTo("node-a");
        assertThat(storage.isStorageHost()).isTrue();
        assertThat(storage.backendNames()).containsExactly("nfs-1", "local_2");
        assertThat(storage.backend("nfs-1")).hasValueSatisfying(b -> assertThat(b.driver()).isEqualTo("file"));
        assertThat(storage.announcement(java.time.Instant.EPOCH).pools()).extracting(StoragePool::backend)
                .containsExactly("nfs-1", "local_2");
        assertThat(storage.announcement(java.time.Instant.EPOCH).availabilityZone()).isEqualTo("nova");
    }

    @Test
    void noBackendMeansNoStorageHost() {
        StorageHost storage = storageHost(List.of());

        assertThat(storage.isStorageHost()).isFalse();
        assertThat(storage.announcement(java.time.Instant.EPOCH).pools()).isEmpty();
    }

    @Test
    void anUnknownDriverOrAMalformedEntryStopsStartUpSayingWhichAndWhy() {
        assertThatThrownBy(() -> storageHost(List.of("fast:lvm:vg0")))
                .hasMessage("Unknown volume driver 'lvm' for backend 'fast' in agent.volume.backends; known: file, btrfs");
        assertThatThrownBy(() -> storageHost(List.of("fast:file")))
                .hasMessage("agent.volume.backends: 'fast:file' is not <name>:<driver>:<target>"
                        + " (e.g. nfs-1:file:/srv/kumo/volumes)");
        assertThatThrownBy(() -> storageHost(List.of("a b:file:" + dir)))
                .hasMessageContaining("backend name 'a b' may have only letters, digits");
        assertThatThrownBy(() -> storageHost(List.of("x:file:" + dir, "x:file:" + dir)))
                .hasMessage("agent.volume.backends: backend 'x' is configured twice");
        assertThatThrownBy(() -> storageHost(List.of("nfs:file:" + dir.resolve("unmounted"))))
                .hasMessage("agent.volume.backends: volume backend 'nfs': " + dir.resolve("unmounted")
                        + " is not an existing directory given by its absolute path (create or mount it first)");
    }

    @Test
    void aBtrfsBackendOnAnotherFileSystemStopsStartUpSayingWhatToMount() throws Exception {
        String type = java.nio.file.Files.getFileStore(dir).type();
        assumeThat(type).as("the temporary directory is not on btrfs").isNotEqualTo("btrfs");

        assertThatThrownBy(() -> storageHost(List.of("fast:btrfs:" + dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("agent.volume.backends: volume backend 'fast': " + dir + " is on a ")
                .hasMessageEndingWith(" file system, not btrfs (mount a btrfs file system there, or use driver file)");
    }
}
