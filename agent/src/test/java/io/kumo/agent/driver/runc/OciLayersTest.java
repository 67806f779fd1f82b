package io.kumo.agent.driver.runc;

import static io.kumo.agent.driver.runc.OciTestArchives.Entry.dir;
import static io.kumo.agent.driver.runc.OciTestArchives.Entry.file;
import static io.kumo.agent.driver.runc.OciTestArchives.Entry.hardlink;
import static io.kumo.agent.driver.runc.OciTestArchives.Entry.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.SpawnFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayersTest {

    @TempDir
    Path dir;

    private final OciLayers layers = new OciLayers(1L << 20);

    @Test
    void upperLayersReplaceWhiteOutAndMakeDirectoriesOpaque() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        layers.apply(OciTestArchives.layer(dir.resolve("l0.tar"), false, dir("etc/"), file("etc/motd", "lower"),
                dir("opt/data/"), file("opt/data/old.txt", "old"), file("opt/gone.txt", "gone"),
                file("bin/tool", "#!/bin/sh\n", 04755, 0), symlink("bin/alias", "tool")), root);
        layers.apply(OciTestArchives.layer(dir.resolve("l1.tar.gz"), true, file("etc/motd", "upper"),
                file("opt/.wh.gone.txt", ""), file("opt/data/new.txt", "new"), file("opt/data/.wh..wh..opq", ""),
                hardlink("opt/data/same.txt", "opt/data/new.txt"), file("home/u/f", "mine", 0600, 1000)), root);

        assertThat(Files.readString(root.resolve("etc/motd"))).isEqualTo("upper");
        assertThat(root.resolve("opt/gone.txt")).doesNotExist();
        assertThat(root.resolve("opt/data/old.txt")).as("an opaque directory hides the lower layer's files")
                .doesNotExist();
        assertThat(Files.readString(root.resolve("opt/data/new.txt"))).as("and keeps its own").isEqualTo("new");
        assertThat(Files.isSameFile(root.resolve("opt/data/same.txt"), root.resolve("opt/data/new.txt"))).isTrue();
        assertThat(root.resolve("opt/.wh.gone.txt")).as("whiteouts are no files").doesNotExist();
        assertThat(Files.readSymbolicLink(root.resolve("bin/alias")).toString()).isEqualTo("tool");
        assertThat((Integer) Files.getAttribute(root.resolve("bin/tool"), "unix:mode") & 07777).isEqualTo(04755);
        assertThat((Integer) Files.getAttribute(root.resolve("home/u/f"), "unix:uid")).isEqualTo(1000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("home/u/f"))))
                .isEqualTo("rw-------");
    }

    @Test
    void nothingInALayerReachesBeyondTheTree() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("victim"), "untouched");
        layers.apply(OciTestArchives.layer(dir.resolve("l0.tar"), false, symlink("escape", outside.toString()),
                symlink("up", "../../outside"), dir("etc/")), root);
        layers.apply(OciTestArchives.layer(dir.resolve("l1.tar"), false, file("escape/victim", "pwned"),
                file("up/victim", "pwned"), file("../outside/victim", "pwned"), file("etc/../../outside/new", "x"),
                hardlink("etc/h", "escape/victim"), file("escape/.wh.victim", "")), root);

        assertThat(Files.readString(outside.resolve("victim"))).isEqualTo("untouched");
        assertThat(outside.resolve("new")).doesNotExist();
        assertThat(Files.readString(root.resolve("etc/h"))).as("an absolute link is followed inside the tree")
                .isEqualTo("pwned");
        assertThat(root.resolve(outside.toString().substring(1)).resolve("victim")).as("and whited out there")
                .doesNotExist();
        assertThat(Files.readString(root.resolve("outside/victim"))).as("'..' stops at the tree's root")
                .isEqualTo("pwned");
        assertThat(Files.isSymbolicLink(root.resolve("escape"))).isTrue();
    }

    @Test
    void aDirectorysModeIsNeverSetThroughALinkPlantedOnItsPathLater() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path victim = Files.createDirectory(outside.resolve("shadow"));
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rwx------"));
        layers.apply(OciTestArchives.layer(dir.resolve("l0.tar"), false,
                new OciTestArchives.Entry("x/shadow/", org.apache.commons.compress.archivers.tar.TarArchiveEntry.LF_DIR,
                        null, null, 04777, 0), symlink("x", outside.toString())), root);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rwx------");
        assertThat((Integer) Files.getAttribute(victim, "unix:mode") & 07000).isZero();
    }

    @Test
    void aLayerBeyondTheBoundOrCompressedWithZstdIsRefused() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path big = OciTestArchives.layer(dir.resolve("big.tar"), false, file("a", "x".repeat(600_000)),
                file("b", "y".repeat(600_000)));
        assertThatThrownBy(() -> layers.apply(big, root)).isInstanceOf(SpawnFailure.class)
                .hasMessageContaining("more than 1 MiB");
        Path half = OciTestArchives.layer(dir.resolve("half.tar"), false, file("c", "z".repeat(600_000)));
        OciLayers image = new OciLayers(1L << 20);
        image.apply(half, root);
        assertThatThrownBy(() -> image.apply(half, root)).as("one budget for all of an image's layers")
                .isInstanceOf(SpawnFailure.class).hasMessageContaining("more than 1 MiB");
        Path zstd = Files.write(dir.resolve("z.tar.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0});
        assertThatThrownBy(() -> layers.apply(zstd, root)).isInstanceOf(SpawnFailure.class)
                .hasMessageContaining("zstd");
        assertThat(Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
