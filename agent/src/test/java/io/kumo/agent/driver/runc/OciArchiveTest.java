package io.kumo.agent.driver.runc;

import static io.kumo.agent.driver.runc.OciTestArchives.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.SpawnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciArchiveTest {

    @TempDir
    Path dir;

    private final String config = OciTestArchives.config("[\"/app/run\"]", "[\"--port\",\"80\"]",
            "[\"GREETING=hi\"]", "/srv", "www:www");

    @Test
    void aDockerSaveArchiveNamesItsLayersInOrderAndItsConfiguration() throws IOException {
        Path archive = OciTestArchives.dockerSave(dir.resolve("saved.tar"), config, List.of(
                OciTestArchives.layer(dir.resolve("a.tar"), false, file("a", "1")),
                OciTestArchives.layer(dir.resolve("b.tar"), false, file("b", "2"))));

        OciArchive read = OciArchive.read(archive, "img");

        assertThat(read.layers()).containsExactly("layer0/layer.tar", "layer1/layer.tar");
        assertThat(read.config()).isEqualTo(new OciArchive.ImageConfig(List.of("/app/run"), List.of("--port", "80"),
                List.of("GREETING=hi"), "/srv", "www:www"));
    }

    @Test
    void anOciLayoutLeadsThroughItsIndexToThisHostsPlatform() throws IOException {
        Path archive = OciTestArchives.ociLayout(dir.resolve("oci.tar"), config, List.of(
                OciTestArchives.layer(dir.resolve("a.tar.gz"), true, file("a", "1"))));

        OciArchive read = OciArchive.read(archive, "img");

        assertThat(read.layers()).singleElement().asString().startsWith("blobs/sha256/");
        assertThat(read.config().entrypoint()).containsExactly("/app/run");
    }

    @Test
    void anArchiveOfNeitherLayoutIsRefusedAsTheImagesFault() throws IOException {
        Path rootfs = OciTestArchives.layer(dir.resolve("rootfs.tar"), false, file("bin/sh", "x"));

        assertThatThrownBy(() -> OciArchive.read(rootfs, "img")).isInstanceOf(SpawnFailure.class)
                .hasMessageContaining("neither manifest.json").satisfies(e ->
                        assertThat(((SpawnFailure) e).retryable()).isFalse());
    }

    @Test
    void theConfiguredProcessRunsUnlessOsCommandLineSaysOtherwise() throws IOException {
        OciArchive.ImageConfig image = new OciArchive.ImageConfig(List.of("/app/run"), List.of("--port", "80"),
                List.of("GREETING=hi"), "/srv", "");

        ContainerProcess configured = ContainerProcess.of(image, null, 33, 33);
        assertThat(configured.args()).containsExactly("/app/run", "--port", "80");
        assertThat(configured.env()).containsExactly(ContainerProcess.DEFAULT_PATH, "GREETING=hi", "container=kumo");
        assertThat(configured.cwd()).isEqualTo("/srv");
        assertThat(ContainerProcess.of(image, "/bin/sh -c true", 0, 0).args()).containsExactly("/bin/sh", "-c", "true");

        Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
        Files.writeString(rootfs.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nwww:x:33:34::/var/www:/bin/sh\n");
        Files.writeString(rootfs.resolve("group"), "root:x:0:\nwww:x:34:\nstaff:x:50:\n");
        Path root = rootfs.getParent();
        assertThat(ImageUsers.resolve("www", root, "img")).containsExactly(33, 34);
        assertThat(ImageUsers.resolve("www:staff", root, "img")).containsExactly(33, 50);
        assertThat(ImageUsers.resolve("1000:1000", root, "img")).containsExactly(1000, 1000);
        assertThat(ImageUsers.resolve("", root, "img")).containsExactly(0, 0);
        assertThatThrownBy(() -> ImageUsers.resolve("nobody-here", root, "img")).isInstanceOf(SpawnFailure.class);
    }
}
